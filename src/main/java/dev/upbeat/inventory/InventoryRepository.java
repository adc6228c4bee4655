package dev.upbeat.inventory;

import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Components' packages, SBOM graphs and declared dependencies, in SQL shared by SQLite and PostgreSQL. */
public final class InventoryRepository {
    static final String SBOM = "sbom";
    static final String MANUAL = "manual";

    /** One stored package of a component, as matching reads it. */
    public record Row(String componentId, String source, String ref, String version, String purl, String parentRef) {
    }

    /** Replaces the component's SBOM packages and graph; packages added by hand stay. */
    public void replaceSbom(Tx tx, String componentId, Sbom sbom, String sha256, Instant at) {
        var h = tx.handle();
        h.createUpdate("DELETE FROM inventory_packages WHERE component_id = :c AND source = 'sbom'").bind("c", componentId).execute();
        h.createUpdate("DELETE FROM inventory_edges WHERE component_id = :c").bind("c", componentId).execute();
        h.createUpdate("DELETE FROM inventory_sboms WHERE component_id = :c").bind("c", componentId).execute();
        h.createUpdate("""
                INSERT INTO inventory_sboms (component_id, format, spec_version, root_ref, packages, sha256, uploaded_at)
                VALUES (:c, :format, :spec, :root, :n, :sha, :at)""")
                .bind("c", componentId).bind("format", sbom.format().family()).bind("spec", sbom.specVersion())
                .bind("root", sbom.rootRef()).bind("n", sbom.packages().size()).bind("sha", sha256).bind("at", at).execute();
        Map<String, String> parents = DependencyGraph.parents(sbom.rootRef(), sbom.edges());
        PreparedBatch packages = h.prepareBatch("""
                INSERT INTO inventory_packages (component_id, source, ref, type, namespace, name, version, purl, parent_ref)
                VALUES (:c, 'sbom', :ref, :type, :ns, :name, :version, :purl, :parent)""");
        for (InventoryPackage p : sbom.packages()) {
            packages.bind("c", componentId).bind("ref", p.ref()).bind("type", p.id().type()).bind("ns", p.id().namespace())
                    .bind("name", p.id().name()).bind("version", p.version()).bind("purl", p.purl())
                    .bind("parent", parents.get(p.ref())).add();
        }
        if (!sbom.packages().isEmpty()) {
            packages.execute();
        }
        PreparedBatch edges = h.prepareBatch("""
                INSERT INTO inventory_edges (component_id, parent_ref, child_ref) VALUES (:c, :p, :ch)
                ON CONFLICT DO NOTHING""");
        for (Sbom.Edge e : sbom.edges()) {
            edges.bind("c", componentId).bind("p", e.parent()).bind("ch", e.child()).add();
        }
        if (!sbom.edges().isEmpty()) {
            edges.execute();
        }
    }

    /** Adds a package by hand; false if the component already lists that purl. */
    public boolean addManual(Tx tx, String componentId, InventoryPackage p) {
        return tx.handle().createUpdate("""
                INSERT INTO inventory_packages (component_id, source, ref, type, namespace, name, version, purl)
                VALUES (:c, 'manual', :ref, :type, :ns, :name, :version, :purl) ON CONFLICT DO NOTHING""")
                .bind("c", componentId).bind("ref", p.ref()).bind("type", p.id().type()).bind("ns", p.id().namespace())
                .bind("name", p.id().name()).bind("version", p.version()).bind("purl", p.purl()).execute() > 0;
    }

    public boolean removeManual(Tx tx, String componentId, String ref) {
        return tx.handle().createUpdate("DELETE FROM inventory_packages WHERE component_id = :c AND source = 'manual' AND ref = :ref")
                .bind("c", componentId).bind("ref", ref).execute() > 0;
    }

    public List<Row> packages(Tx tx, String componentId) {
        return tx.handle().createQuery("""
                SELECT component_id, source, ref, version, purl, parent_ref FROM inventory_packages WHERE component_id = :c
                ORDER BY source, purl""")
                .bind("c", componentId).map((rs, ctx) -> row(rs)).list();
    }

    /** Every component's packages of one name, through the (type, namespace, name) index. */
    public List<Row> named(Tx tx, PackageId id) {
        return tx.handle().createQuery("""
                SELECT component_id, source, ref, version, purl, parent_ref FROM inventory_packages
                WHERE type = :type AND namespace = :ns AND name = :name""")
                .bind("type", id.type()).bind("ns", id.namespace()).bind("name", id.name())
                .map((rs, ctx) -> row(rs)).list();
    }

    /**
     * The components with an inventory: an SBOM (even an empty one) or a package added by hand.
     * Asked per component through the primary key's prefix, never by scanning every package.
     */
    public List<String> inventoried(Tx tx) {
        return tx.handle().createQuery("""
                SELECT c.id FROM components c
                WHERE EXISTS (SELECT 1 FROM inventory_sboms s WHERE s.component_id = c.id)
                   OR EXISTS (SELECT 1 FROM inventory_packages p WHERE p.component_id = c.id AND p.source = 'manual')""")
                .mapTo(String.class).list();
    }

    /** One SBOM package by ref (a parent on a match's path), through the primary key. */
    public Optional<Row> sbomPackage(Tx tx, String componentId, String ref) {
        return tx.handle().createQuery("""
                SELECT component_id, source, ref, version, purl, parent_ref FROM inventory_packages
                WHERE component_id = :c AND source = 'sbom' AND ref = :ref""")
                .bind("c", componentId).bind("ref", ref).map((rs, ctx) -> row(rs)).findOne();
    }

    /**
     * The purls from a direct dependency of the component down to this package: one element for
     * a direct dependency, or a package the SBOM's graph does not reach from its subject.
     */
    public List<String> path(Tx tx, Row row) {
        LinkedList<String> path = new LinkedList<>(List.of(row.purl()));
        Set<String> seen = new HashSet<>(List.of(row.ref()));
        for (String parent = row.parentRef(); parent != null && seen.add(parent); ) {
            Row p = sbomPackage(tx, row.componentId(), parent).orElse(null);
            if (p == null) {
                break;
            }
            path.addFirst(p.purl());
            parent = p.parentRef();
        }
        return List.copyOf(path);
    }

    public void replaceLinks(Tx tx, String componentId, List<Link> links) {
        tx.handle().createUpdate("DELETE FROM component_links WHERE component_id = :c").bind("c", componentId).execute();
        PreparedBatch batch = tx.handle().prepareBatch(
                "INSERT INTO component_links (component_id, kind, depends_on) VALUES (:c, :kind, :on) ON CONFLICT DO NOTHING");
        for (Link l : links) {
            batch.bind("c", componentId).bind("kind", l.kind().wire()).bind("on", l.dependsOn()).add();
        }
        if (!links.isEmpty()) {
            batch.execute();
        }
    }

    /** Every declared dependency, of every component. */
    public List<Link> links(Tx tx) {
        return tx.handle().createQuery("SELECT component_id, kind, depends_on FROM component_links ORDER BY component_id, kind, depends_on")
                .map((rs, ctx) -> new Link(rs.getString(1), LinkKind.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3)))
                .list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("component_id"), rs.getString("source"), rs.getString("ref"), rs.getString("version"),
                rs.getString("purl"), rs.getString("parent_ref"));
    }
}
