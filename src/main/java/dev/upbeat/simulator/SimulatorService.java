package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Targets and simulations: starts and stops listeners, starts simulations, and makes sure each
 * one ends: when its time is up ({@link #tick}), when stopped, and when the instance that started it
 * died (its {@link Lease} lapsed). An instance that stops cleanly hands its runs over instead, and
 * another takes them at its next tick. The database is the truth; each tick brings this instance's
 * listeners in line with the stored targets and the live runs, and adds their counts to the runs.
 */
public final class SimulatorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);
    static final Duration MAX_DURATION = Duration.ofDays(7);

    private final Database db;
    private final SimulatorRepository repo;
    private final Listeners listeners;
    private final Clock clock;
    private final Lease lease;
    private final TargetSync sync;

    public SimulatorService(Database db, SimulatorRepository repo, Listeners listeners, Clock clock, Lease lease) {
        this.db = db;
        this.repo = repo;
        this.listeners = listeners;
        this.clock = clock;
        this.lease = lease;
        this.sync = new TargetSync(db, repo, listeners, clock, lease.instance(), lease.length());
    }

    /**
     * Ends runs whose owner died, then opens the listener of every stored target (a failure is recorded
     * and logged, not fatal). Runs owned by live instances are left alone: starting an instance must not
     * end their work.
     */
    public void open() {
        endOrphans(clock.instant());
        sync.run();
    }

    /** This instance's id, as it appears in run ownership and listener reports. */
    public String instance() {
        return lease.instance();
    }

    /**
     * Takes the runs a cleanly stopping instance gave up. Every instance serves the faults anyway; the
     * owner only keeps the lease, so the run goes on here to its planned end with nothing lost.
     */
    private void takeHandedOver(Instant now) {
        for (Run r : db.read(tx -> repo.handedOverRuns(tx, now))) {
            if (db.inTransaction(tx -> repo.takeRun(tx, r.id(), lease, now))) {
                log.info("Simulation {} on {}: taken over from an instance that stopped; goes on until {}", r.id(), r.target(), r.endsAt());
            }
        }
    }

    /**
     * Whether another instance is alive to take this one's runs and drills when it stops: one that
     * reported its listeners within a lease (every instance does each tick while any target exists,
     * and a run or drill needs a target).
     */
    public boolean canHandOver() {
        Instant now = clock.instant();
        return db.read(tx -> repo.othersAlive(tx, lease.instance(), now.minus(lease.length())));
    }

    private void endOrphans(Instant now) {
        for (Run r : db.read(tx -> repo.orphanedRuns(tx, now))) {
            Instant at = r.endsAt().isBefore(now) ? r.endsAt() : now;
            if (db.inTransaction(tx -> repo.endOrphanedRun(tx, r.id(), at, now, EndReason.INTERRUPTED.wire()))) {
                ActiveRun.Counts counts = listeners.deactivate(r.id());
                db.useTransaction(tx -> repo.addCounts(tx, r.id(), counts));
                log.warn("Simulation {} on {}: the instance that started it stopped renewing its lease; ended as interrupted",
                        r.id(), r.target());
            }
        }
    }

    public Target createTarget(String name, String listen, String upstream) {
        return createTarget(name, TargetKind.HTTP, listen, upstream);
    }

    /** Creates a target of either kind: bound here first (refused naming {@code listen}), then stored. */
    public Target createTarget(String name, TargetKind kind, String listen, String upstream) {
        return sync.create(checked(name, kind, listen, upstream, clock.instant()));
    }

    /** Moves a target to a new address or upstream; its kind, live simulation and schedules stay. */
    public Target changeTarget(String name, String listen, String upstream) {
        Target current = target(name);
        return sync.change(checked(name, current.kind(), listen, upstream, current.createdAt()));
    }

    /** A target checked field by field, its upstream by its kind's rule. */
    static Target checked(String name, TargetKind kind, String listen, String upstream, Instant createdAt) {
        String checkedName = TargetChecks.name(name);
        Listen address = Listen.parse("listen", listen);
        URI upstreamUrl = switch (kind) {
            case HTTP -> TargetChecks.upstream(upstream);
            case TCP -> TargetChecks.tcpUpstream(upstream);
        };
        return new Target(checkedName, address, upstreamUrl, createdAt, kind);
    }

    /** Each instance's listener for the target, as last reported by instances still alive. */
    public List<Target.Listener> listenersOf(String target) {
        return db.read(tx -> repo.listeners(tx, target, clock.instant().minus(lease.length())));
    }

    public List<Target> targets() {
        return db.read(repo::targets);
    }

    public Target target(String name) {
        return db.read(tx -> repo.target(tx, name)).orElseThrow(() -> Problem.notFound("target", name));
    }

    public void deleteTarget(String name) {
        target(name);
        liveRun(name).ifPresent(r -> end(r.id(), EndReason.TARGET_DELETED));
        sync.delete(name);
    }

    /** Starts {@code faults} on an http target now for {@code duration}; one live simulation per target. */
    public Run start(String targetName, List<Fault> faults, Duration duration, RunOrigin origin, Long scheduleId) {
        return start(targetName, faults, List.of(), duration, origin, scheduleId);
    }

    /** Starts faults (http target) or toxics (tcp target) now for {@code duration}; one live simulation per target. */
    public Run start(String targetName, List<Fault> faults, List<Toxic> toxics, Duration duration, RunOrigin origin,
            Long scheduleId) {
        checkDuration(duration);
        Instant now = clock.instant();
        return activate(db.inTransaction(tx -> record(tx, targetName, faults, toxics, now, now.plus(duration), origin, scheduleId)));
    }

    /**
     * Records a live run owned by this instance in {@code tx}, refusing a missing target, one with a
     * live run, or effects of the wrong kind before writing anything; the caller {@link #activate}s it
     * after commit.
     */
    Run record(Tx tx, String targetName, List<Fault> faults, List<Toxic> toxics, Instant from, Instant until, RunOrigin origin,
            Long scheduleId) {
        Target target = repo.target(tx, targetName).orElseThrow(() -> Problem.notFound("target", targetName));
        Effects.check(target, faults, toxics);
        repo.liveRuns(tx).stream().filter(r -> r.target().equals(targetName)).findFirst().ifPresent(r -> {
            throw Problem.conflict("Target " + targetName + " already has live simulation " + r.id() + " until " + r.endsAt()
                    + "; stop it first (DELETE /api/v1/simulator/simulations/" + r.id() + ")");
        });
        long id = repo.insertRun(tx, Run.builder().target(targetName).faults(faults).toxics(toxics).origin(origin.wire())
                .scheduleId(scheduleId).startedAt(from).endsAt(until).build(), lease);
        return repo.run(tx, id).orElseThrow();
    }

    /** Applies a committed run on this instance's listener (the others follow it at their next tick). */
    Run activate(Run run) {
        listeners.activate(run);
        log.info("Simulation {} started on {} until {}: {}", run.id(), run.target(), run.endsAt(), Effects.types(run));
        return run;
    }

    /** Stops a live simulation at once. */
    public Run stop(long id) {
        Run run = run(id);
        if (!run.live()) {
            throw Problem.conflict("Simulation " + id + " already ended at " + run.endedAt() + " (" + run.endReason() + ")");
        }
        return end(id, EndReason.STOPPED);
    }

    /** Ends a run with a reason (if still live) and returns it as recorded. */
    public Run end(long id, EndReason reason) {
        ActiveRun.Counts counts = listeners.deactivate(id);
        db.useTransaction(tx -> {
            repo.addCounts(tx, id, counts);
            if (repo.endRun(tx, id, clock.instant(), reason.wire())) {
                log.info("Simulation {} ended: {}", id, reason);
            }
        });
        return run(id);
    }

    public Run run(long id) {
        return db.read(tx -> repo.run(tx, id)).orElseThrow(() -> Problem.notFound("simulation", id));
    }

    public Optional<Run> liveRun(String target) {
        return db.read(repo::liveRuns).stream().filter(r -> r.target().equals(target)).findFirst();
    }

    public List<Run> runs(String target, int limit) {
        if (target != null) {
            target(target);
        }
        return db.read(tx -> repo.recentRuns(tx, target, limit));
    }

    /**
     * Renews this instance's leases, ends what is due or orphaned, follows targets and runs changed
     * through other instances, and records counts.
     */
    public void tick() {
        Instant now = clock.instant();
        // Renewed first, so a late tick never finds this instance's own runs lapsed.
        db.useTransaction(tx -> repo.renewRuns(tx, lease, now));
        takeHandedOver(now);
        endOrphans(now);
        sync.run();
        List<Run> live = db.read(repo::liveRuns);
        for (Run r : live) {
            if (!r.endsAt().isAfter(now)) {
                end(r.id(), EndReason.EXPIRED);
            } else {
                ActiveRun.Counts counts = listeners.drain(r.id());
                if (!counts.isEmpty()) {
                    db.useTransaction(tx -> repo.addCounts(tx, r.id(), counts));
                }
                listeners.follow(r);
            }
        }
        listeners.retainOnly(live.stream().filter(r -> r.endsAt().isAfter(now)).map(Run::id).toList())
                .forEach((id, counts) -> db.useTransaction(tx -> repo.addCounts(tx, id, counts)));
    }

    /** Refuses a simulation length outside PT1S to seven days, naming {@code duration}. */
    public static void checkDuration(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw Problem.invalid("duration", "duration must be an ISO 8601 duration from PT1S to " + MAX_DURATION
                    + ", such as PT15M; got " + duration);
        }
    }

    /**
     * Hands this instance's live runs over when another instance is alive to take them, so a rolling
     * restart does not end them; alone, they are left to lapse and end as interrupted. Then withdraws
     * this instance's listener reports and closes its listeners.
     */
    @Override
    public void close() {
        try {
            if (canHandOver()) {
                int given = db.inTransaction(tx -> repo.handOverRuns(tx, lease, clock.instant()));
                if (given > 0) {
                    log.info("Handed {} live simulation(s) over to the other instances", given);
                }
            }
        } catch (RuntimeException e) {
            // Only at shutdown: the runs then lapse and end as interrupted, as after a crash.
            log.warn("Could not hand live simulations over ({}); they end as interrupted after the lease", e.getMessage());
        }
        sync.forget();
        listeners.close();
    }
}
