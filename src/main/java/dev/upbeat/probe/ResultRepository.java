package dev.upbeat.probe;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;

/**
 * Raw probe results and their hourly and daily roll-ups. Roll-ups are written with an upsert, so
 * rolling the same hour twice (a retry, a second instance) gives the same row.
 */
public final class ResultRepository {

    public void insert(Tx tx, StoredResult r) {
        tx.handle().createUpdate("""
                INSERT INTO probe_results (probe_id, checked_at, ok, in_maintenance, latency_ms, covered_ms, error)
                VALUES (:p, :at, :ok, :m, :l, :c, :e)""")
                .bind("p", r.probeId()).bind("at", r.checkedAt()).bind("ok", r.ok()).bind("m", r.inMaintenance())
                .bind("l", r.latencyMs()).bind("c", r.coveredMs()).bind("e", r.error()).execute();
    }

    /** Results of one probe with {@code from <= checked_at < to}, oldest first. */
    public List<StoredResult> between(Tx tx, String probeId, Instant from, Instant to) {
        return tx.handle().createQuery("""
                SELECT probe_id, checked_at, ok, in_maintenance, latency_ms, covered_ms, error FROM probe_results
                WHERE probe_id = :p AND checked_at >= :f AND checked_at < :t ORDER BY checked_at, id""")
                .bind("p", probeId).bind("f", from).bind("t", to)
                .map((rs, ctx) -> result(rs))
                .list();
    }

    /** The newest {@code limit} results of one probe, newest first. */
    public List<StoredResult> latest(Tx tx, String probeId, int limit) {
        return tx.handle().createQuery("""
                SELECT probe_id, checked_at, ok, in_maintenance, latency_ms, covered_ms, error FROM probe_results
                WHERE probe_id = :p ORDER BY checked_at DESC, id DESC LIMIT :n""")
                .bind("p", probeId).bind("n", limit)
                .map((rs, ctx) -> result(rs))
                .list();
    }

    public void upsert(Tx tx, Rollup r) {
        tx.handle().createUpdate("""
                INSERT INTO probe_rollups (probe_id, bucket, start_at, day, checks, successes, up_seconds, down_seconds,
                    maintenance_seconds, p50_ms, p95_ms, p99_ms)
                VALUES (:p, :b, :s, :d, :c, :ok, :up, :down, :m, :p50, :p95, :p99)
                ON CONFLICT (probe_id, bucket, start_at) DO UPDATE SET day = excluded.day, checks = excluded.checks,
                    successes = excluded.successes, up_seconds = excluded.up_seconds, down_seconds = excluded.down_seconds,
                    maintenance_seconds = excluded.maintenance_seconds, p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms,
                    p99_ms = excluded.p99_ms""")
                .bind("p", r.probeId()).bind("b", r.bucket().wire()).bind("s", r.start()).bind("d", r.day())
                .bind("c", r.checks()).bind("ok", r.successes()).bind("up", r.upSeconds()).bind("down", r.downSeconds())
                .bind("m", r.maintenanceSeconds()).bind("p50", r.p50()).bind("p95", r.p95()).bind("p99", r.p99()).execute();
    }

    /** Every roll-up of one size starting at or after {@code since}, by probe and start. */
    public List<Rollup> rollups(Tx tx, Rollup.Bucket bucket, Instant since) {
        return tx.handle().createQuery("""
                SELECT * FROM probe_rollups WHERE bucket = :b AND start_at >= :s ORDER BY probe_id, start_at""")
                .bind("b", bucket.wire()).bind("s", since)
                .map((rs, ctx) -> rollup(rs)).list();
    }

    /** One probe's roll-ups of both sizes starting at or after {@code since}, by start. */
    public List<Rollup> rollups(Tx tx, String probeId, Instant since) {
        return tx.handle().createQuery("""
                SELECT * FROM probe_rollups WHERE probe_id = :p AND start_at >= :s ORDER BY bucket, start_at""")
                .bind("p", probeId).bind("s", since)
                .map((rs, ctx) -> rollup(rs)).list();
    }

    /**
     * Per probe, how far it is rolled up and where its daily and hourly roll-ups now begin (null
     * where it has none): rolling moves the first forward, pruning the others, and nothing else
     * writes or deletes roll-ups of a probe, so these say what a reader who kept them must read again.
     */
    public java.util.Map<String, RollMarks> rollMarks(Tx tx) {
        return tx.handle().createQuery("""
                SELECT p.id, p.rolled_until,
                  (SELECT MIN(r.start_at) FROM probe_rollups r WHERE r.probe_id = p.id AND r.bucket = 'day') AS first_day,
                  (SELECT MIN(r.start_at) FROM probe_rollups r WHERE r.probe_id = p.id AND r.bucket = 'hour') AS first_hour
                FROM probes p""")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("id"), new RollMarks(EpochMillis.instant(rs, "rolled_until"),
                        EpochMillis.instant(rs, "first_day"), EpochMillis.instant(rs, "first_hour"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** See {@link #rollMarks}. */
    public record RollMarks(Instant rolledUntil, Instant firstDay, Instant firstHour) {
    }

    private static Rollup rollup(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Rollup.builder().probeId(rs.getString("probe_id"))
                .bucket(Rollup.Bucket.valueOf(rs.getString("bucket").toUpperCase(java.util.Locale.ROOT)))
                .start(EpochMillis.instant(rs, "start_at")).day(rs.getString("day")).checks(rs.getInt("checks"))
                .successes(rs.getInt("successes")).upSeconds(rs.getLong("up_seconds"))
                .downSeconds(rs.getLong("down_seconds")).maintenanceSeconds(rs.getLong("maintenance_seconds"))
                .p50(longOrNull(rs, "p50_ms")).p95(longOrNull(rs, "p95_ms")).p99(longOrNull(rs, "p99_ms")).build();
    }

    /** How far the probe is rolled up, locking its row; empty if gone or another instance is rolling it. */
    public java.util.Optional<Instant> claimRolledUntil(Tx tx, String probeId) {
        return tx.handle().createQuery("SELECT rolled_until FROM probes WHERE id = :p" + tx.dialect().claimLock())
                .bind("p", probeId).mapTo(Instant.class).findOne();
    }

    /** How far the probe is rolled up, without locking (for reads). */
    public java.util.Optional<Instant> rolledUntil(Tx tx, String probeId) {
        return tx.handle().createQuery("SELECT rolled_until FROM probes WHERE id = :p")
                .bind("p", probeId).mapTo(Instant.class).findOne();
    }

    public void setRolledUntil(Tx tx, String probeId, Instant at) {
        tx.handle().createUpdate("UPDATE probes SET rolled_until = :at WHERE id = :p")
                .bind("p", probeId).bind("at", at).execute();
    }

    /**
     * Deletes raw results older than {@code rawBefore} that are already rolled up, and roll-ups
     * older than their cut-offs. Returns how many rows went.
     */
    public int prune(Tx tx, Instant rawBefore, Instant hoursBefore, Instant daysBefore) {
        int raw = tx.handle().createUpdate("""
                DELETE FROM probe_results WHERE checked_at < :raw
                  AND checked_at < (SELECT p.rolled_until FROM probes p WHERE p.id = probe_results.probe_id)""")
                .bind("raw", rawBefore).execute();
        int hours = tx.handle().createUpdate("DELETE FROM probe_rollups WHERE bucket = 'hour' AND start_at < :t")
                .bind("t", hoursBefore).execute();
        int days = tx.handle().createUpdate("DELETE FROM probe_rollups WHERE bucket = 'day' AND start_at < :t")
                .bind("t", daysBefore).execute();
        return raw + hours + days;
    }

    private static StoredResult result(java.sql.ResultSet rs) throws java.sql.SQLException {
        return StoredResult.builder().probeId(rs.getString("probe_id")).checkedAt(EpochMillis.instant(rs, "checked_at"))
                .ok(rs.getBoolean("ok")).inMaintenance(rs.getBoolean("in_maintenance")).latencyMs(rs.getLong("latency_ms"))
                .coveredMs(rs.getLong("covered_ms")).error(rs.getString("error")).build();
    }

    private static Long longOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getObject(column) == null ? null : rs.getLong(column);
    }
}
