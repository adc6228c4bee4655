package dev.upbeat.advisory;

import dev.upbeat.inventory.PackageId;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Advisories, the packages they affect, and their stored triage, in SQL shared by SQLite and PostgreSQL. */
public final class AdvisoryRepository {

    /** One component's stored triage row; {@code matches} is the JSON the API answers. */
    public record ExposureRow(String componentId, ExposureState state, String matches) {
    }

    /** Stores a new advisory; answers its id. */
    public long insert(Tx tx, Advisory a) {
        long id = tx.handle().createQuery("""
                INSERT INTO advisories (title, severity, disclosure_at, summary, osv_id, aliases, revision, created_at, updated_at)
                VALUES (:title, :severity, :disclosure, :summary, :osv, :aliases, :revision, :created, :updated)
                RETURNING id""")
                .bind("title", a.title()).bind("severity", a.severity().wire())
                .bind("disclosure", a.disclosureAt()).bind("summary", a.summary()).bind("osv", a.osvId())
                .bind("aliases", String.join("\n", a.aliases())).bind("revision", a.revision())
                .bind("created", a.createdAt()).bind("updated", a.updatedAt()).mapTo(Long.class).one();
        replaceAffected(tx, id, a.affected());
        return id;
    }

    public void update(Tx tx, Advisory a) {
        tx.handle().createUpdate("""
                UPDATE advisories SET title = :title, severity = :severity, disclosure_at = :disclosure, summary = :summary,
                    aliases = :aliases, revision = :revision, updated_at = :updated WHERE id = :id""")
                .bind("id", a.id()).bind("title", a.title()).bind("severity", a.severity().wire())
                .bind("disclosure", a.disclosureAt()).bind("summary", a.summary())
                .bind("aliases", String.join("\n", a.aliases())).bind("revision", a.revision())
                .bind("updated", a.updatedAt()).execute();
        replaceAffected(tx, a.id(), a.affected());
    }

    private void replaceAffected(Tx tx, long advisoryId, List<Affected> affected) {
        tx.handle().createUpdate("DELETE FROM advisory_affected WHERE advisory_id = :id").bind("id", advisoryId).execute();
        PreparedBatch batch = tx.handle().prepareBatch("""
                INSERT INTO advisory_affected (advisory_id, position, purl, type, namespace, name, vers)
                VALUES (:id, :position, :purl, :type, :ns, :name, :vers)""");
        for (int i = 0; i < affected.size(); i++) {
            Affected a = affected.get(i);
            batch.bind("id", advisoryId).bind("position", i).bind("purl", a.purl()).bind("type", a.id().type())
                    .bind("ns", a.id().namespace()).bind("name", a.id().name()).bind("vers", a.vers()).add();
        }
        if (!affected.isEmpty()) {
            batch.execute();
        }
    }

    public Optional<Advisory> find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM advisories WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(tx, rs)).findOne();
    }

    /** Locks the advisory's row: triage of one advisory runs one at a time across instances. */
    public Optional<Advisory> lock(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM advisories WHERE id = :id" + tx.dialect().rowLock()).bind("id", id)
                .map((rs, ctx) -> map(tx, rs)).findOne();
    }

    public Optional<Long> idForOsv(Tx tx, String osvId) {
        return tx.handle().createQuery("SELECT id FROM advisories WHERE osv_id = :osv").bind("osv", osvId)
                .mapTo(Long.class).findOne();
    }

    public List<Long> ids(Tx tx) {
        return tx.handle().createQuery("SELECT id FROM advisories ORDER BY id").mapTo(Long.class).list();
    }

    /** Every advisory, newest first. */
    public List<Advisory> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM advisories ORDER BY id DESC")
                .map((rs, ctx) -> map(tx, rs)).list();
    }

    public void replaceExposure(Tx tx, long advisoryId, List<ExposureRow> rows, Instant at) {
        tx.handle().createUpdate("DELETE FROM advisory_exposure WHERE advisory_id = :id").bind("id", advisoryId).execute();
        PreparedBatch batch = tx.handle().prepareBatch("""
                INSERT INTO advisory_exposure (advisory_id, component_id, state, matches)
                VALUES (:id, :c, :state, :matches)""");
        for (ExposureRow r : rows) {
            batch.bind("id", advisoryId).bind("c", r.componentId()).bind("state", r.state().wire())
                    .bind("matches", r.matches()).add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
        tx.handle().createUpdate("UPDATE advisories SET triaged_at = :at WHERE id = :id").bind("at", at).bind("id", advisoryId)
                .execute();
    }

    /** The stored triage, by component id. */
    public List<ExposureRow> exposure(Tx tx, long advisoryId) {
        return tx.handle().createQuery("""
                SELECT component_id, state, matches FROM advisory_exposure WHERE advisory_id = :id
                ORDER BY component_id""")
                .bind("id", advisoryId)
                .map((rs, ctx) -> new ExposureRow(rs.getString(1), ExposureState.fromWire(rs.getString(2)).orElseThrow(),
                        rs.getString(3)))
                .list();
    }

    private static Advisory map(Tx tx, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String aliases = rs.getString("aliases");
        return new Advisory(id, rs.getString("title"), Severity.fromWire(rs.getString("severity")).orElseThrow(),
                EpochMillis.instant(rs, "disclosure_at"), rs.getString("summary"), rs.getString("osv_id"),
                aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split("\n")), affected(tx, id), rs.getInt("revision"),
                EpochMillis.instant(rs, "created_at"), EpochMillis.instant(rs, "updated_at"));
    }

    private static List<Affected> affected(Tx tx, long advisoryId) {
        return tx.handle().createQuery("SELECT * FROM advisory_affected WHERE advisory_id = :id ORDER BY position")
                .bind("id", advisoryId)
                .map((rs, ctx) -> new Affected(rs.getString("purl"),
                        new PackageId(rs.getString("type"), rs.getString("namespace"), rs.getString("name")), rs.getString("vers")))
                .list();
    }
}
