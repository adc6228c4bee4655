package dev.upbeat.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.Exposure;
import dev.upbeat.component.Ownership;
import dev.upbeat.inventory.InventoryListener;
import dev.upbeat.inventory.InventoryRepository;
import dev.upbeat.inventory.Link;
import dev.upbeat.inventory.LinkKind;
import dev.upbeat.json.Json;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which components an advisory reaches, computed in the transaction that changed the advisory or
 * an inventory and stored, so reading it costs one query and later work can follow it.
 *
 * <p>Each affected package is looked up by (type, namespace, name) through the index, and a match's
 * path follows the parents stored with the SBOM, so the cost follows the packages that match, not
 * the size of every inventory. A component's state is the
 * worst of its own matches (in the range: exposed; no range yet, or a version its scheme cannot
 * read: possibly exposed), then of the components it declares it depends on; a component with no
 * inventory and nothing exposed below it is {@code unknown}, never "not exposed".
 */
public final class Triage implements InventoryListener {
    private static final String VIA_COMPONENT = "component:";
    /** The actor of a triage run that no one asked for (a component created since the last run). */
    static final String TRIAGE = "triage";

    private final AdvisoryRepository advisories;
    private final InventoryRepository inventory;
    private final ComponentRepository components;
    private final ActionItems actions;
    private final Clock clock;

    public Triage(AdvisoryRepository advisories, InventoryRepository inventory, ComponentRepository components, ActionItems actions,
                  Clock clock) {
        this.actions = actions;
        this.advisories = advisories;
        this.inventory = inventory;
        this.components = components;
        this.clock = clock;
    }

    /** One match as the API shows it: {@code path} runs from a direct dependency of the component down to the package. */
    public record Match(String purl, String version, List<String> path) {
    }

    private record Found(ExposureState state, List<Match> matches) {
    }

    /** An inventory or a declared dependency changed: every advisory is triaged again (dependents may change too). */
    @Override
    public void inventoryChanged(Tx tx, String componentId, String actor) {
        for (long id : advisories.ids(tx)) {
            advisories.lock(tx, id).ifPresent(a -> run(tx, a, actor));
        }
    }

    /**
     * Triage of one advisory against every component, replacing what was stored; the action items
     * follow ({@code actor} is who made the change, named on any item it finishes).
     */
    public void run(Tx tx, Advisory advisory, String actor) {
        Map<String, Found> own = matches(tx, advisory);
        Set<String> inventoried = new HashSet<>(inventory.inventoried(tx));
        List<Component> all = components.all(tx);
        Map<String, Found> states = new LinkedHashMap<>();
        for (Component c : all) {
            Found f = own.get(c.id());
            states.put(c.id(), f != null ? f
                    : new Found(inventoried.contains(c.id()) ? ExposureState.NOT_EXPOSED : ExposureState.UNKNOWN, List.of()));
        }
        propagate(states, inventory.links(tx));
        List<AdvisoryRepository.ExposureRow> rows = new ArrayList<>();
        for (Component c : all) {
            Found f = states.get(c.id());
            rows.add(new AdvisoryRepository.ExposureRow(c.id(), f.state(), json(f.matches())));
        }
        advisories.replaceExposure(tx, advisory.id(), rows, clock.instant());
        actions.sync(tx, advisory, rows, all, actor);
    }

    /** One component's triage as answered: its priority worked out from its tier and exposure now. */
    public record Ranked(String componentId, ExposureState state, int priority, String matches) {
    }

    /**
     * The stored triage of every component, highest priority first (then the more exposed state,
     * then component id). A component created since the last triage has no row yet: then triage
     * runs again first, so every component is answered for.
     */
    public List<Ranked> read(Tx tx, Advisory advisory) {
        List<Component> all = components.all(tx);
        List<AdvisoryRepository.ExposureRow> rows = advisories.exposure(tx, advisory.id());
        Set<String> stored = new HashSet<>();
        rows.forEach(r -> stored.add(r.componentId()));
        if (!stored.equals(new HashSet<>(all.stream().map(Component::id).toList()))) {
            run(tx, advisory, TRIAGE);
            rows = advisories.exposure(tx, advisory.id());
        }
        Map<String, Ownership> owners = new HashMap<>();
        all.forEach(c -> owners.put(c.id(), c.ownership()));
        return rows.stream()
                .map(r -> new Ranked(r.componentId(), r.state(), priority(advisory.severity(), r.state(),
                        owners.getOrDefault(r.componentId(), Ownership.NONE)), r.matches()))
                .sorted(Comparator.comparingInt(Ranked::priority).reversed()
                        .thenComparing(r -> -r.state().weight()).thenComparing(Ranked::componentId))
                .toList();
    }

    /**
     * priority = state × severity × tier × exposure weights: exposed 3, possibly 2, unknown 1, not
     * exposed 0; low 1 to critical 4; tier 1 counts 3, tier 3 counts 1; internet 2, internal 1. A tier
     * or exposure not yet set counts as the most urgent, so a gap in the data never lowers a priority.
     */
    static int priority(Severity severity, ExposureState state, Ownership o) {
        int tier = o.tier() == null ? Ownership.MOST_CRITICAL : o.tier();
        int tierWeight = Ownership.LEAST_CRITICAL + 1 - tier;
        int exposureWeight = o.exposure() == Exposure.INTERNAL ? 1 : 2;
        return state.weight() * severity.weight() * tierWeight * exposureWeight;
    }

    private Map<String, Found> matches(Tx tx, Advisory advisory) {
        Map<String, List<InventoryRepository.Row>> exposed = new HashMap<>();
        Map<String, List<InventoryRepository.Row>> possibly = new HashMap<>();
        for (Affected a : advisory.affected()) {
            VersionRanges.Range range = a.vers() == null ? null : VersionRanges.parse("vers", a.vers());
            for (InventoryRepository.Row row : inventory.named(tx, a.id())) {
                VersionRanges.Verdict v = range == null ? VersionRanges.Verdict.CANNOT_TELL : range.contains(row.version());
                switch (v) {
                    case IN -> exposed.computeIfAbsent(row.componentId(), k -> new ArrayList<>()).add(row);
                    case CANNOT_TELL -> possibly.computeIfAbsent(row.componentId(), k -> new ArrayList<>()).add(row);
                    case OUT -> { }
                }
            }
        }
        Map<String, Found> found = new HashMap<>();
        possibly.forEach((c, rows) -> found.put(c, new Found(ExposureState.POSSIBLY_EXPOSED, paths(tx, rows))));
        exposed.forEach((c, rows) -> found.put(c, new Found(ExposureState.EXPOSED, paths(tx, rows))));
        return found;
    }

    private List<Match> paths(Tx tx, List<InventoryRepository.Row> rows) {
        return rows.stream().distinct().map(r -> new Match(r.purl(), r.version(), inventory.path(tx, r)))
                .sorted(Comparator.comparing(Match::purl)).toList();
    }

    /**
     * A component that declares it depends on an exposed (or possibly exposed) component is at least
     * as exposed, with that component's matches under {@code component:ID} in the path. Repeated
     * until nothing changes, so chains carry through and cycles end.
     */
    private static void propagate(Map<String, Found> states, List<Link> links) {
        boolean changed = true;
        for (int round = 0; changed && round <= states.size(); round++) {
            changed = false;
            for (Link l : links) {
                Found below = states.get(l.dependsOn());
                Found above = states.get(l.componentId());
                if (l.kind() != LinkKind.COMPONENT || below == null || above == null || !reaches(below.state())
                        || rank(below.state()) <= rank(above.state()) && reaches(above.state())) {
                    continue;
                }
                List<Match> via = below.matches().stream().map(m -> new Match(m.purl(), m.version(),
                        prepend(VIA_COMPONENT + l.dependsOn(), m.path()))).toList();
                states.put(l.componentId(), new Found(below.state(), via));
                changed = true;
            }
        }
    }

    private static boolean reaches(ExposureState s) {
        return s == ExposureState.EXPOSED || s == ExposureState.POSSIBLY_EXPOSED;
    }

    private static int rank(ExposureState s) {
        return s.weight();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> path = new ArrayList<>(rest.size() + 1);
        path.add(first);
        path.addAll(rest);
        return path;
    }

    private static String json(List<Match> matches) {
        try {
            return Json.mapper().writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Matches are plain records", e);
        }
    }
}
