package dev.upbeat.probe;

import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checks that are due: claims them (so each run happens on one instance), runs them side
 * by side on virtual threads, and records each result. A slow or hanging target only holds its
 * own thread, bounded by the probe's timeout. A claim lasts the timeout plus a little
 * ({@link Probe#claimLease}); recording the result schedules the next run one interval after the
 * claim, so a run lost with a killed instance is taken up by another when the claim ends.
 */
public final class ProbeRunner implements AutoCloseable {
    static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);

    private final Database db;
    private final ProbeRepository probes;
    private final Checker checker;
    private final ResultRecorder recorder;
    private final ProbeMetrics metrics;
    private final Clock clock;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    ProbeRunner(Database db, ProbeRepository probes, Checker checker, ResultRecorder recorder, Clock clock, ProbeMetrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.probes = probes;
        this.checker = checker;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Claims, runs and records every due probe, waiting for all of them; returns how many ran. */
    public int runDue() {
        Instant now = clock.instant();
        List<Probe> due = db.inTransaction(tx -> probes.claimDue(tx, now, BATCH));
        List<Future<?>> running = launch(due, now);
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                StorageUnavailable.logRetry(log, "Could not record a result of probe " + due.get(i).name()
                        + "; it runs again when its claim ends", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i;
            }
        }
        return due.size();
    }

    private List<Future<?>> launch(List<Probe> due, Instant claimedAt) {
        List<Future<?>> running = new ArrayList<>();
        for (Probe p : due) {
            running.add(threads.submit(() -> {
                try {
                    CheckResult result = checker.run(p.check());
                    metrics.record(p, result);
                    return recorder.record(p, claimedAt, result);
                } catch (RuntimeException e) {
                    // Nobody waits on this future in the scheduled path: say it here or it is lost.
                    StorageUnavailable.logRetry(log, "Could not record a result of probe " + p.name() + " (" + p.id() + ")", e);
                    throw e;
                }
            }));
        }
        return running;
    }

    /**
     * The scheduled entry point: starts the due checks without waiting for them, so one slow
     * target does not delay the others (a claim holds each one past its timeout). Catches and
     * logs, so the schedule never dies.
     */
    public void tick() {
        try {
            Instant now = clock.instant();
            launch(db.inTransaction(tx -> probes.claimDue(tx, now, BATCH)), now);
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Could not claim due probes; will retry", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
