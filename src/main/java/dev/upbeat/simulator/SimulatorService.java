package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
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
 * one ends: when its time is up ({@link #tick}), when stopped, and after a crash at the next
 * {@link #open}. The database is the truth; each tick brings this instance's listeners in line
 * with it and adds their counts to the runs.
 */
public final class SimulatorService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);
    static final Duration MAX_DURATION = Duration.ofDays(7);

    private final Database db;
    private final SimulatorRepository repo;
    private final Listeners listeners;
    private final Clock clock;

    public SimulatorService(Database db, SimulatorRepository repo, Listeners listeners, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Ends runs left live by a crash, then opens the listener of every stored target (a failure is logged, not fatal). */
    public void open() {
        Instant now = clock.instant();
        db.useTransaction(tx -> {
            for (Run r : repo.liveRuns(tx)) {
                repo.endRun(tx, r.id(), r.endsAt().isBefore(now) ? r.endsAt() : now, EndReason.INTERRUPTED.wire());
                log.warn("Simulation {} on {} was still live at start: ended as interrupted", r.id(), r.target());
            }
        });
        for (Target t : db.read(repo::targets)) {
            try {
                listeners.open(t);
            } catch (Problem e) {
                log.error("Simulator target {} cannot listen: {}", t.name(), e.getMessage());
            }
        }
    }

    public Target createTarget(String name, String listen, String upstream) {
        String checkedName = TargetChecks.name(name);
        Listen address = Listen.parse("listen", listen);
        URI upstreamUrl = TargetChecks.upstream(upstream);
        if (db.read(tx -> repo.target(tx, checkedName)).isPresent()) {
            throw Problem.conflict("A target named '" + checkedName + "' already exists");
        }
        Target bound = listeners.open(new Target(checkedName, address, upstreamUrl, clock.instant()));
        try {
            db.useTransaction(tx -> repo.insertTarget(tx, bound));
        } catch (RuntimeException e) {
            listeners.close(checkedName);
            throw e;
        }
        return bound;
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
        db.useTransaction(tx -> repo.deleteTarget(tx, name));
        listeners.close(name);
    }

    /** Starts {@code faults} on a target now for {@code duration}; one live simulation per target. */
    public Run start(String targetName, List<Fault> faults, Duration duration, RunOrigin origin, Long scheduleId) {
        checkDuration(duration);
        Instant now = clock.instant();
        Run run = db.inTransaction(tx -> {
            repo.target(tx, targetName).orElseThrow(() -> Problem.notFound("target", targetName));
            repo.liveRuns(tx).stream().filter(r -> r.target().equals(targetName)).findFirst().ifPresent(r -> {
                throw Problem.conflict("Target " + targetName + " already has live simulation " + r.id() + " until " + r.endsAt()
                        + "; stop it first (DELETE /api/v1/simulator/simulations/" + r.id() + ")");
            });
            long id = repo.insertRun(tx, Run.builder().target(targetName).faults(faults).origin(origin.wire())
                    .scheduleId(scheduleId).startedAt(now).endsAt(now.plus(duration)).build());
            return repo.run(tx, id).orElseThrow();
        });
        listeners.activate(run);
        log.info("Simulation {} started on {} until {}: {}", run.id(), targetName, run.endsAt(),
                faults.stream().map(Fault::type).toList());
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

    /** Ends what is due, records counts, and follows starts and stops made by other instances. */
    public void tick() {
        Instant now = clock.instant();
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

    @Override
    public void close() {
        listeners.close();
    }
}
