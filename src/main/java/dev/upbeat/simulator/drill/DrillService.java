package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Lease;
import dev.upbeat.simulator.SimulatorService;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts drills and keeps their reports. A drill runs in the background on a thread of its own;
 * its verdict and report are stored when it ends. The instance running a drill holds a {@link Lease}
 * on it; a drill whose instance died is marked aborted by a surviving one once that lease lapses (its
 * simulation is ended by the simulator's own lease check).
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

    /** Renews the leases of this instance's drills, then aborts, once, each drill whose instance died. */
    public void tick() {
        Instant now = clock.instant();
        db.useTransaction(tx -> repo.renew(tx, lease, now));
        for (long id : db.read(tx -> repo.orphaned(tx, now))) {
            if (db.inTransaction(tx -> repo.claimOrphan(tx, id, lease, now))) {
                DrillSpec spec = spec(db.read(tx -> repo.find(tx, id)).orElseThrow());
                DrillRunner runner = new DrillRunner(simulations, probe, clock, id, spec);
                save(id, runner.report(Verdict.ABORTED, "Upbeat stopped while the drill was running", null));
            }
        }
    }

    /** Checks the spec, records the drill and starts it; the returned report says {@code running}. */
    public DrillReport start(DrillSpec spec) {
        simulations.target(spec.target());
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
        runners.execute(() -> {
            DrillRunner runner = new DrillRunner(simulations, probe, clock, id, spec);
            try {
                save(id, runner.run());
            } catch (InterruptedException e) {
                save(id, runner.report(Verdict.ABORTED, "Upbeat stopped while the drill was running", null));
            } catch (RuntimeException e) {
                log.error("Drill {} failed to run", id, e);
                save(id, runner.report(Verdict.ABORTED, "the drill could not run: " + e.getMessage(), null));
            } finally {
                endNotice(noticeId);
            }
        });
        return find(id);
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
                .reason("the drill is under way").faults(spec.faults()).startedAt(stored.startedAt()).notice(spec.notice())
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

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
