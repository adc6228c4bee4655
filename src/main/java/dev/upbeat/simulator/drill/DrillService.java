package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Effects;
import dev.upbeat.simulator.Lease;
import dev.upbeat.simulator.SimulatorService;
import dev.upbeat.simulator.Target;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts drills and keeps their reports. A drill runs in the background on a thread of its own;
 * its verdict and report are stored when it ends. The instance running a drill holds a {@link Lease}
 * on it. An instance that stops cleanly while another is alive hands its drills over with their
 * progress, and the other carries them on to their verdict; a drill whose instance died is marked
 * aborted by a surviving one once that lease lapses (its simulation is ended by the simulator's own
 * lease check).
 */
public final class DrillService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DrillService.class);

    private final Database db;
    private final DrillRepository repo;
    private final SimulatorService simulations;
    private final Clock clock;
    private final Lease lease;
    private final PublicNotices notices;
    private final SteadyStateProbe probe = new SteadyStateProbe();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    /** Set by {@link #close}: an interrupted drill is then handed over rather than aborted, if another instance lives. */
    private volatile boolean stopping;

    public DrillService(Database db, DrillRepository repo, SimulatorService simulations, Clock clock, Lease lease,
                        PublicNotices notices) {
        this.db = db;
        this.repo = repo;
        this.simulations = simulations;
        this.clock = clock;
        this.lease = lease;
        this.notices = notices;
    }

    /** Aborts drills left by instances that died; drills of live instances go on. */
    public void open() {
        tick();
    }

    /**
     * Renews the leases of this instance's drills, carries on the drills a stopping instance handed
     * over, then aborts, once, each drill whose instance died.
     */
    public void tick() {
        Instant now = clock.instant();
        db.useTransaction(tx -> repo.renew(tx, lease, now));
        if (stopping) {
            return;
        }
        for (long id : db.read(tx -> repo.handedOver(tx, now))) {
            if (db.inTransaction(tx -> repo.take(tx, id, lease, now))) {
                DrillRunner runner = runner(id, db.read(tx -> repo.find(tx, id)).orElseThrow());
                runner.takenOver(lease.instance());
                log.info("Drill {}: taken over from an instance that stopped", id);
                runInBackground(id, runner);
            }
        }
        for (long id : db.read(tx -> repo.orphaned(tx, now))) {
            if (db.inTransaction(tx -> repo.claimOrphan(tx, id, lease, now))) {
                DrillRunner runner = runner(id, db.read(tx -> repo.find(tx, id)).orElseThrow());
                save(id, runner.report(Verdict.ABORTED, "Upbeat stopped while the drill was running", null));
            }
        }
    }

    /** A runner for a stored drill: fresh, or from the progress a stopping instance left. */
    private DrillRunner runner(long id, DrillRepository.Stored stored) {
        DrillSpec spec = spec(stored);
        return stored.progress() == null ? new DrillRunner(simulations, probe, clock, id, spec, (Long) null)
                : new DrillRunner(simulations, probe, clock, id, spec, read(stored.progress(), DrillRunner.Progress.class));
    }

    /** The target a drill would run on (404 if none). */
    public Target target(String name) {
        return simulations.target(name);
    }

    /** Checks the spec, records the drill and starts it; the returned report says {@code running}. */
    public DrillReport start(DrillSpec spec) {
        Effects.check(simulations.target(spec.target()), spec.faults(), spec.toxics());
        spec.validate();
        Instant now = clock.instant();
        // The notice first: if it cannot be posted, no drill is recorded as running without it.
        Long noticeId = spec.publicNotice() ? notices.post("Resilience drill: " + spec.target(),
                spec.notice() == null ? "We are rehearsing an outage of " + spec.target() + "; no action is needed." : spec.notice(),
                now.plus(spec.duration()).plus(spec.recovery()).plus(spec.interval())) : null;
        long id;
        try {
            id = db.inTransaction(tx -> repo.insert(tx, spec.target(), write(spec), spec.notice(), now, lease));
        } catch (RuntimeException e) {
            endNotice(noticeId);
            throw e;
        }
        runInBackground(id, new DrillRunner(simulations, probe, clock, id, spec, noticeId));
        return find(id);
    }

    /**
     * Runs a drill to its verdict on a thread of its own. Stopped by {@link #close}, it is handed over
     * with its progress when another instance is alive to carry it on (its simulation and notice go on);
     * otherwise its simulation is ended and it is aborted.
     */
    private void runInBackground(long id, DrillRunner runner) {
        runners.execute(() -> {
            boolean handedOver = false;
            try {
                save(id, runner.run());
            } catch (InterruptedException e) {
                handedOver = stopping && handOver(id, runner);
                if (!handedOver) {
                    runner.abandon();
                    save(id, runner.report(Verdict.ABORTED, "Upbeat stopped while the drill was running", null));
                }
            } catch (RuntimeException e) {
                StorageUnavailable.logRetry(log, "Drill " + id + " failed to run", e);
                save(id, runner.report(Verdict.ABORTED, "the drill could not run: " + e.getMessage(), null));
            } finally {
                if (!handedOver) {
                    endNotice(runner.noticeId());
                }
            }
        });
    }

    private boolean handOver(long id, DrillRunner runner) {
        try {
            if (simulations.canHandOver()
                    && db.inTransaction(tx -> repo.handOver(tx, id, write(runner.progress()), lease, clock.instant()))) {
                log.info("Drill {}: handed over to the other instances", id);
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not hand drill {} over ({}); it is aborted", id, e.getMessage());
        }
        return false;
    }

    private void endNotice(Long noticeId) {
        if (noticeId == null) {
            return;
        }
        try {
            notices.end(noticeId);
        } catch (RuntimeException e) {
            // The notice's window still ends by itself at its scheduled time.
            log.warn("Could not end the public notice {} of a drill", noticeId, e);
        }
    }

    public DrillReport find(long id) {
        DrillRepository.Stored stored = db.read(tx -> repo.find(tx, id)).orElseThrow(() -> Problem.notFound("drill", id));
        if (stored.report() != null) {
            return read(stored.report(), DrillReport.class);
        }
        DrillSpec spec = spec(stored);
        return DrillReport.builder().id(id).target(stored.target()).verdict(Verdict.RUNNING.wire())
                .reason("the drill is under way").faults(spec.faults()).toxics(spec.toxics()).startedAt(stored.startedAt()).notice(spec.notice())
                .build();
    }

    public List<DrillReport> recent(int limit) {
        return db.read(tx -> repo.recent(tx, limit)).stream().map(this::find).toList();
    }

    private void save(long id, DrillReport report) {
        db.useTransaction(tx -> repo.finish(tx, id, report.simulationId(), report.verdict(), write(report), report.endedAt()));
        log.info("Drill {} on {}: {} ({})", id, report.target(), report.verdict(), report.reason());
    }

    private static DrillSpec spec(DrillRepository.Stored stored) {
        return read(stored.spec(), DrillSpec.class);
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a drill", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored drill cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Stops the running drills, and waits briefly for them to be handed over or aborted before the pool closes. */
    @Override
    public void close() {
        stopping = true;
        runners.shutdownNow();
        try {
            if (!runners.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Drills still stopping after 10 s; they end as aborted once their lease lapses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
