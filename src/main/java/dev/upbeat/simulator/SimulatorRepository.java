package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.ToxicSpecs;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Targets, runs (with their fault counts) and schedules. */
public final class SimulatorRepository {

    public void insertTarget(Tx tx, Target t) {
        tx.handle().createUpdate("INSERT INTO sim_targets (name, kind, listen, upstream, created_at) VALUES (:n, :k, :l, :u, :c)")
                .bind("n", t.name()).bind("k", t.kind().wire()).bind("l", t.listen().toString())
                .bind("u", t.upstream() == null ? null : t.upstream().toString()).bind("c", t.createdAt()).execute();
    }

    /** Moves a target to a new address and upstream (its kind, runs and schedules stay). */
    public void updateTarget(Tx tx, Target t) {
        tx.handle().createUpdate("UPDATE sim_targets SET listen = :l, upstream = :u WHERE name = :n")
                .bind("n", t.name()).bind("l", t.listen().toString())
                .bind("u", t.upstream() == null ? null : t.upstream().toString()).execute();
    }

    public Optional<Target> target(Tx tx, String name) {
        return tx.handle().createQuery("SELECT * FROM sim_targets WHERE name = :n").bind("n", name)
                .map((rs, ctx) -> target(rs)).findOne();
    }

    public List<Target> targets(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM sim_targets ORDER BY name").map((rs, ctx) -> target(rs)).list();
    }

    public void deleteTarget(Tx tx, String name) {
        tx.handle().createUpdate("DELETE FROM sim_schedules WHERE target = :n").bind("n", name).execute();
        tx.handle().createUpdate("DELETE FROM sim_listeners WHERE target = :n").bind("n", name).execute();
        tx.handle().createUpdate("DELETE FROM sim_targets WHERE name = :n").bind("n", name).execute();
    }

    public long insertRun(Tx tx, Run r, Lease lease) {
        return tx.handle().createQuery("""
                INSERT INTO sim_runs (target, faults, toxics, origin, schedule_id, started_at, ends_at, owner, lease_until)
                VALUES (:t, :f, :x, :o, :s, :start, :end, :owner, :lease) RETURNING id""")
                .bind("t", r.target()).bind("f", FaultParser.store(r.faults())).bind("x", ToxicSpecs.store(r.toxics()))
                .bind("o", r.origin()).bind("s", r.scheduleId())
                .bind("start", r.startedAt()).bind("end", r.endsAt()).bind("owner", lease.instance())
                .bind("lease", lease.until(r.startedAt())).mapTo(Long.class).one();
    }

    /** Extends the lease of every live run this instance owns. */
    public void renewRuns(Tx tx, Lease lease, Instant now) {
        tx.handle().createUpdate("UPDATE sim_runs SET lease_until = :until WHERE owner = :me AND ended_at IS NULL")
                .bind("until", lease.until(now)).bind("me", lease.instance()).execute();
    }

    /** Live runs whose owner stopped renewing its lease (NULL: a row older than leases). */
    public List<Run> orphanedRuns(Tx tx, Instant now) {
        return runs(tx, "WHERE ended_at IS NULL AND (lease_until IS NULL OR lease_until < :now)", Map.of("now", now.toEpochMilli()),
                10_000);
    }

    /**
     * Ends an orphaned run, only if its lease is still lapsed: the condition is the claim, so of several
     * instances noticing at once exactly one ends it, and a run whose owner renewed meanwhile is left alone.
     */
    public boolean endOrphanedRun(Tx tx, long id, Instant at, Instant now, String reason) {
        return tx.handle().createUpdate("""
                UPDATE sim_runs SET ended_at = :at, end_reason = :r
                WHERE id = :id AND ended_at IS NULL AND (lease_until IS NULL OR lease_until < :now)""")
                .bind("at", at).bind("r", reason).bind("id", id).bind("now", now).execute() == 1;
    }

    /** Gives up this instance's live runs for another instance to take within a lease; how many. */
    public int handOverRuns(Tx tx, Lease lease, Instant now) {
        return tx.handle().createUpdate("UPDATE sim_runs SET owner = :h, lease_until = :until WHERE owner = :me AND ended_at IS NULL")
                .bind("h", Lease.HANDOVER).bind("until", lease.until(now)).bind("me", lease.instance()).execute();
    }

    /** Live runs given up by a stopping instance and not yet taken, whose lease still holds. */
    public List<Run> handedOverRuns(Tx tx, Instant now) {
        return runs(tx, "WHERE ended_at IS NULL AND owner = :h AND lease_until >= :now",
                Map.of("h", Lease.HANDOVER, "now", now.toEpochMilli()), 10_000);
    }

    /** Takes a handed-over run; the condition is the claim, so exactly one instance takes it. */
    public boolean takeRun(Tx tx, long id, Lease lease, Instant now) {
        return tx.handle().createUpdate("""
                UPDATE sim_runs SET owner = :me, lease_until = :until
                WHERE id = :id AND ended_at IS NULL AND owner = :h AND lease_until >= :now""")
                .bind("me", lease.instance()).bind("until", lease.until(now)).bind("id", id).bind("h", Lease.HANDOVER)
                .bind("now", now).execute() == 1;
    }

    /** Whether an instance other than {@code me} reported its listeners since {@code since}: one alive to hand work to. */
    public boolean othersAlive(Tx tx, String me, Instant since) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM sim_listeners WHERE instance <> :me AND seen_at >= :since")
                .bind("me", me).bind("since", since).mapTo(Long.class).one() > 0;
    }

    /** Records this instance's listener for a target: {@code listening}, or {@code failed} with why. */
    public void recordListener(Tx tx, String target, String instance, String state, String error, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO sim_listeners (target, instance, state, error, seen_at) VALUES (:t, :i, :s, :e, :at)
                ON CONFLICT (target, instance) DO UPDATE SET state = excluded.state, error = excluded.error, seen_at = excluded.seen_at""")
                .bind("t", target).bind("i", instance).bind("s", state).bind("e", error).bind("at", now).execute();
    }

    /** Marks every listener report of this instance as current, so readers can leave out dead instances. */
    public void touchListeners(Tx tx, String instance, Instant now) {
        tx.handle().createUpdate("UPDATE sim_listeners SET seen_at = :at WHERE instance = :i")
                .bind("at", now).bind("i", instance).execute();
    }

    public void forgetListeners(Tx tx, String instance) {
        tx.handle().createUpdate("DELETE FROM sim_listeners WHERE instance = :i").bind("i", instance).execute();
    }

    /** Targets some instance reported listening on since {@code since}. */
    public Set<String> listenedTargets(Tx tx, Instant since) {
        return new HashSet<>(tx.handle().createQuery(
                        "SELECT DISTINCT target FROM sim_listeners WHERE state = 'listening' AND seen_at >= :since")
                .bind("since", since).mapTo(String.class).list());
    }

    /** Every instance's listener of a target seen since {@code since}, by instance. */
    public List<Target.Listener> listeners(Tx tx, String target, Instant since) {
        return tx.handle().createQuery("SELECT * FROM sim_listeners WHERE target = :t AND seen_at >= :since ORDER BY instance")
                .bind("t", target).bind("since", since)
                .map((rs, ctx) -> new Target.Listener(rs.getString("instance"), rs.getString("state"), rs.getString("error"))).list();
    }

    /** Ends a live run; false when it had already ended (another caller or instance got there first). */
    public boolean endRun(Tx tx, long id, Instant at, String reason) {
        return tx.handle().createUpdate("UPDATE sim_runs SET ended_at = :at, end_reason = :r WHERE id = :id AND ended_at IS NULL")
                .bind("at", at).bind("r", reason).bind("id", id).execute() == 1;
    }

    public void addCounts(Tx tx, long runId, ActiveRun.Counts counts) {
        tx.handle().createUpdate("UPDATE sim_runs SET requests = requests + :n WHERE id = :id")
                .bind("n", counts.requests()).bind("id", runId).execute();
        counts.injected().forEach((type, n) -> tx.handle().createUpdate("""
                INSERT INTO sim_run_faults (run_id, type, injected) VALUES (:id, :t, :n)
                ON CONFLICT (run_id, type) DO UPDATE SET injected = sim_run_faults.injected + excluded.injected""")
                .bind("id", runId).bind("t", type).bind("n", n).execute());
    }

    public Optional<Run> run(Tx tx, long id) {
        return runs(tx, "WHERE id = :id", Map.of("id", id), 1).stream().findFirst();
    }

    public List<Run> liveRuns(Tx tx) {
        return runs(tx, "WHERE ended_at IS NULL", Map.of(), 10_000);
    }

    /** Newest first; {@code target} null for every target. */
    public List<Run> recentRuns(Tx tx, String target, int limit) {
        return target == null ? runs(tx, "", Map.of(), limit) : runs(tx, "WHERE target = :t", Map.of("t", target), limit);
    }

    private List<Run> runs(Tx tx, String where, Map<String, Object> binds, int limit) {
        List<Run> bare = tx.handle().createQuery("SELECT * FROM sim_runs " + where + " ORDER BY started_at DESC, id DESC LIMIT " + limit)
                .bindMap(binds).map((rs, ctx) -> run(rs)).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, Map<String, Long>> injected = new HashMap<>();
        String ids = String.join(",", bare.stream().map(r -> Long.toString(r.id())).toList());
        tx.handle().createQuery("SELECT * FROM sim_run_faults WHERE run_id IN (" + ids + ")")
                .map((rs, ctx) -> injected.computeIfAbsent(rs.getLong("run_id"), k -> new TreeMap<>())
                        .put(rs.getString("type"), rs.getLong("injected"))).list();
        return bare.stream().map(r -> r.toBuilder().injected(injected.getOrDefault(r.id(), Map.of())).build()).toList();
    }

    public long insertSchedule(Tx tx, Schedule s) {
        return tx.handle().createQuery("""
                INSERT INTO sim_schedules (target, cron, time_zone, duration_ms, faults, toxics, next_at, created_at)
                VALUES (:t, :c, :z, :d, :f, :x, :n, :at) RETURNING id""")
                .bind("t", s.target()).bind("c", s.cron().expression()).bind("z", s.timeZone().getId())
                .bind("d", s.duration().toMillis()).bind("f", FaultParser.store(s.faults()))
                .bind("x", ToxicSpecs.store(s.toxics())).bind("n", s.nextAt())
                .bind("at", s.createdAt()).mapTo(Long.class).one();
    }

    public List<Schedule> schedules(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM sim_schedules ORDER BY id").map((rs, ctx) -> schedule(rs)).list();
    }

    /** Schedules due at {@code now}, locked until commit so one instance starts each occurrence. */
    public List<Schedule> dueSchedules(Tx tx, Instant now) {
        return tx.handle().createQuery("SELECT * FROM sim_schedules WHERE next_at <= :now ORDER BY next_at" + tx.dialect().rowLock())
                .bind("now", now).map((rs, ctx) -> schedule(rs)).list();
    }

    public void moveSchedule(Tx tx, long id, Instant nextAt) {
        tx.handle().createUpdate("UPDATE sim_schedules SET next_at = :n WHERE id = :id").bind("n", nextAt).bind("id", id).execute();
    }

    public boolean deleteSchedule(Tx tx, long id) {
        return tx.handle().createUpdate("DELETE FROM sim_schedules WHERE id = :id").bind("id", id).execute() == 1;
    }

    private static Target target(ResultSet rs) throws SQLException {
        String upstream = rs.getString("upstream");
        return new Target(rs.getString("name"), Listen.parse("listen", rs.getString("listen")),
                upstream == null ? null : URI.create(upstream), EpochMillis.instant(rs, "created_at"),
                TargetKind.parse(rs.getString("kind")));
    }

    private static Run run(ResultSet rs) throws SQLException {
        long schedule = rs.getLong("schedule_id");
        Long scheduleId = rs.wasNull() ? null : schedule;
        return Run.builder().id(rs.getLong("id")).target(rs.getString("target")).faults(FaultParser.load(rs.getString("faults")))
                .toxics(ToxicSpecs.load(rs.getString("toxics"))).origin(rs.getString("origin")).scheduleId(scheduleId)
                .startedAt(EpochMillis.instant(rs, "started_at"))
                .endsAt(EpochMillis.instant(rs, "ends_at")).endedAt(EpochMillis.instant(rs, "ended_at"))
                .endReason(rs.getString("end_reason")).requests(rs.getLong("requests")).build();
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        return Schedule.builder().id(rs.getLong("id")).target(rs.getString("target"))
                .cron(Cron.parse("cron", rs.getString("cron"))).timeZone(ZoneId.of(rs.getString("time_zone")))
                .duration(Duration.ofMillis(rs.getLong("duration_ms"))).faults(FaultParser.load(rs.getString("faults")))
                .toxics(ToxicSpecs.load(rs.getString("toxics"))).nextAt(EpochMillis.instant(rs, "next_at"))
                .createdAt(EpochMillis.instant(rs, "created_at")).build();
    }
}
