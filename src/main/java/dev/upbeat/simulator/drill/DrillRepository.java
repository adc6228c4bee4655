package dev.upbeat.simulator.drill;

import dev.upbeat.simulator.Lease;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drills: the spec as asked, and the report once there is a verdict (both JSON). */
public final class DrillRepository {

    /** A stored drill: its spec and, when finished, its report. */
    public record Stored(long id, String target, String spec, String report, Instant startedAt, String progress) {
    }

    public long insert(Tx tx, String target, String spec, String notice, Instant startedAt, Lease lease) {
        return tx.handle().createQuery("""
                INSERT INTO drills (target, spec, notice, started_at, owner, lease_until)
                VALUES (:t, :s, :n, :at, :owner, :lease) RETURNING id""")
                .bind("t", target).bind("s", spec).bind("n", notice).bind("at", startedAt).bind("owner", lease.instance())
                .bind("lease", lease.until(startedAt)).mapTo(Long.class).one();
    }

    /** Extends the lease of every drill this instance is running. */
    public void renew(Tx tx, Lease lease, Instant now) {
        tx.handle().createUpdate("UPDATE drills SET lease_until = :until WHERE owner = :me AND verdict IS NULL")
                .bind("until", lease.until(now)).bind("me", lease.instance()).execute();
    }

    /**
     * Takes over a drill whose owner stopped renewing (NULL: a row older than leases), so that exactly
     * one instance writes its verdict; false when it is not orphaned or another instance took it first.
     */
    public boolean claimOrphan(Tx tx, long id, Lease lease, Instant now) {
        return tx.handle().createUpdate("""
                UPDATE drills SET owner = :me, lease_until = :until
                WHERE id = :id AND verdict IS NULL AND (lease_until IS NULL OR lease_until < :now)""")
                .bind("me", lease.instance()).bind("until", lease.until(now)).bind("id", id).bind("now", now).execute() == 1;
    }

    /**
     * Gives up a drill this instance runs, with its progress, for another instance to take within a
     * lease; false when this instance no longer owns it.
     */
    public boolean handOver(Tx tx, long id, String progress, Lease lease, Instant now) {
        return tx.handle().createUpdate("""
                UPDATE drills SET owner = :h, lease_until = :until, progress = :p
                WHERE id = :id AND owner = :me AND verdict IS NULL""")
                .bind("h", Lease.HANDOVER).bind("until", lease.until(now)).bind("p", progress).bind("id", id)
                .bind("me", lease.instance()).execute() == 1;
    }

    /** Drills given up by a stopping instance and not yet taken, whose lease still holds. */
    public List<Long> handedOver(Tx tx, Instant now) {
        return tx.handle().createQuery("SELECT id FROM drills WHERE verdict IS NULL AND owner = :h AND lease_until >= :now")
                .bind("h", Lease.HANDOVER).bind("now", now).mapTo(Long.class).list();
    }

    /** Takes a handed-over drill; the condition is the claim, so exactly one instance carries it on. */
    public boolean take(Tx tx, long id, Lease lease, Instant now) {
        return tx.handle().createUpdate("""
                UPDATE drills SET owner = :me, lease_until = :until
                WHERE id = :id AND verdict IS NULL AND owner = :h AND lease_until >= :now""")
                .bind("me", lease.instance()).bind("until", lease.until(now)).bind("id", id).bind("h", Lease.HANDOVER)
                .bind("now", now).execute() == 1;
    }

    public void finish(Tx tx, long id, Long runId, String verdict, String report, Instant endedAt) {
        tx.handle().createUpdate("""
                UPDATE drills SET run_id = :r, verdict = :v, report = :rep, ended_at = :at WHERE id = :id""")
                .bind("r", runId).bind("v", verdict).bind("rep", report).bind("at", endedAt).bind("id", id).execute();
    }

    public Optional<Stored> find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT * FROM drills WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("target"), rs.getString("spec"), rs.getString("report"),
                        EpochMillis.instant(rs, "started_at"), rs.getString("progress"))).findOne();
    }

    public List<Long> recent(Tx tx, int limit) {
        return tx.handle().createQuery("SELECT id FROM drills ORDER BY id DESC LIMIT " + limit).mapTo(Long.class).list();
    }

    /** Drills without a verdict whose owner stopped renewing its lease. */
    public List<Long> orphaned(Tx tx, Instant now) {
        return tx.handle().createQuery("SELECT id FROM drills WHERE verdict IS NULL AND (lease_until IS NULL OR lease_until < :now)")
                .bind("now", now).mapTo(Long.class).list();
    }
}
