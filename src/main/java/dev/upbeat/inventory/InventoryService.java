package dev.upbeat.inventory;

import dev.upbeat.component.ComponentRepository;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.SimulatorRepository;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The only way inventories change: an SBOM replaces a component's SBOM packages whole, packages are
 * added and removed by hand, and a component declares what it depends on. Each change and the
 * triage it causes ({@link InventoryListener}) commit together, or nothing is stored.
 */
public final class InventoryService {
    static final int MAX_LINKS = 100;

    private final Database db;
    private final InventoryRepository inventory;
    private final ComponentRepository components;
    private final SimulatorRepository targets;
    private final InventoryListener listener;
    private final Clock clock;

    public InventoryService(Database db, InventoryRepository inventory, ComponentRepository components,
                            SimulatorRepository targets, InventoryListener listener, Clock clock) {
        this.db = db;
        this.inventory = inventory;
        this.components = components;
        this.targets = targets;
        this.listener = listener;
        this.clock = clock;
    }

    /** What an SBOM upload stored. */
    public record Stored(String component, String format, String specVersion, int packages) {
    }

    /** Reads the SBOM (refusing it whole if any part is bad), then replaces the component's SBOM packages. */
    public Stored pushSbom(String componentId, String contentType, byte[] document, String actor) {
        Sbom sbom = SbomReader.read(contentType, document);
        db.useTransaction(tx -> {
            requireComponent(tx, componentId);
            inventory.replaceSbom(tx, componentId, sbom, sha256(document), clock.instant());
            listener.inventoryChanged(tx, componentId, actor);
        });
        return new Stored(componentId, sbom.format().family(), sbom.specVersion(), sbom.packages().size());
    }

    /** Adds software no SBOM lists ({@code pkg:generic/openssl@3.0.5}); false if it was already there. */
    public boolean addPackage(String componentId, String purl, String actor) {
        Purls.Parsed parsed = Purls.parse("purl", purl);
        return db.inTransaction(tx -> {
            requireComponent(tx, componentId);
            boolean added = inventory.addManual(tx, componentId, InventoryPackage.of(parsed.purl(), parsed));
            listener.inventoryChanged(tx, componentId, actor);
            return added;
        });
    }

    public void removePackage(String componentId, String purl, String actor) {
        Purls.Parsed parsed = Purls.parse("purl", purl);
        db.useTransaction(tx -> {
            requireComponent(tx, componentId);
            if (!inventory.removeManual(tx, componentId, parsed.purl())) {
                throw Problem.notFound("package added by hand", parsed.purl());
            }
            listener.inventoryChanged(tx, componentId, actor);
        });
    }

    public List<InventoryRepository.Row> packages(String componentId) {
        return db.read(tx -> {
            if (!components.exists(tx, componentId)) {
                throw Problem.notFound("component", componentId);
            }
            return inventory.packages(tx, componentId);
        });
    }

    /** Replaces what the component declares it depends on: other components and simulator targets. */
    public List<Link> declareDependencies(String componentId, List<String> componentIds, List<String> targetNames,
                                         String actor) {
        List<String> cs = distinct(componentIds);
        List<String> ts = distinct(targetNames);
        if (cs.size() + ts.size() > MAX_LINKS) {
            throw Problem.invalid("components", "At most " + MAX_LINKS + " dependencies; got " + (cs.size() + ts.size()));
        }
        return db.inTransaction(tx -> {
            requireComponent(tx, componentId);
            List<Link> links = new ArrayList<>();
            for (String c : cs) {
                if (c.equals(componentId)) {
                    throw Problem.invalid("components", "A component cannot depend on itself ('" + c + "')");
                }
                if (!components.exists(tx, c)) {
                    throw Problem.invalid("components", "No component with id '" + c + "'");
                }
                links.add(new Link(componentId, LinkKind.COMPONENT, c));
            }
            for (String t : ts) {
                if (targets.target(tx, t).isEmpty()) {
                    throw Problem.invalid("targets", "No simulator target named '" + t + "'");
                }
                links.add(new Link(componentId, LinkKind.TARGET, t));
            }
            inventory.replaceLinks(tx, componentId, links);
            listener.inventoryChanged(tx, componentId, actor);
            return links;
        });
    }

    public List<Link> dependencies(String componentId) {
        return db.read(tx -> {
            if (!components.exists(tx, componentId)) {
                throw Problem.notFound("component", componentId);
            }
            return inventory.links(tx).stream().filter(l -> l.componentId().equals(componentId)).toList();
        });
    }

    /** Locks the component's row, so two uploads for one component queue up rather than interleave. */
    private void requireComponent(Tx tx, String componentId) {
        components.lock(tx, componentId).orElseThrow(() -> Problem.notFound("component", componentId));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
