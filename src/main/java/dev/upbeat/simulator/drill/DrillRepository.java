package dev.upbeat.simulator.drill;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drills: the spec as asked, and the report once there is a verdict (both JSON). */
public final class DrillRepository {

    /** A stored drill: its spec and, when finished, its report. */
    public record Stored(long id, String target, String spec, String report, Instant startedAt) {
    }

    public long insert(Tx tx, String target, String spec, String notice, Instant startedAt) {
        return tx.handle().createQuery("""
                INSERT INTO drills (target, spec, notice, started_at) VALUES (:t, :s, :n, :at) RETURNING id""")
                .bind("t", target).bind("s", spec).bind("n", notice).bind("at", startedAt).mapTo(Long.class).one();
    }

    public void finish(Tx tx, long id, Long runId, String verdict, String report, Instant endedAt) {
        tx.handle().createUpdate("""
                UPDATE drills SET run_id = :r, verdict = :v, report = :rep, ended_at = :at WHERE id = :id""")
                .bind("r", runId).bind("v", verdict).bind("rep", report).bind("at", endedAt).bind("id", id).execute();
    }

    public Optional<Stored> find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM drills WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("target"), rs.getString("spec"), rs.getString("report"),
                        EpochMillis.instant(rs, "started_at"))).findOne();
    }

    public List<Long> recent(Tx tx, int limit) {
        return tx.handle().createQuery("SELECT id FROM drills ORDER BY id DESC LIMIT " + limit).mapTo(Long.class).list();
    }

    /** Drills a crash left without a verdict. */
    public List<Long> unfinished(Tx tx) {
        return tx.handle().createQuery("SELECT id FROM drills WHERE verdict IS NULL").mapTo(Long.class).list();
    }
}
