package dev.upbeat.bench;

import dev.upbeat.app.Upbeat;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentRepository;
import dev.upbeat.status.PublicStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One snapshot rebuild (every read of the database it makes, the model, every fixed public body)
 * with 100 components and 90 days or three years of history behind them ({@link History}): as the
 * refresh timer runs it, with nothing changed since the last, and after a change to one incident,
 * as every write runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RebuildBenchmark {
    @Param({"90", "1095"})
    public int days;

    @Param({"sqlite", "postgresql"})
    public String database;

    private History history;

    @Setup(Level.Trial)
    public void seed() {
        history = History.seed(database, days);
    }

    @TearDown(Level.Trial)
    public void close() {
        history.close();
    }

    @Benchmark
    public PublicStatus rebuild() {
        return history.upbeat().snapshots().rebuild();
    }

    @Benchmark
    public PublicStatus rebuildAfterChange(Change change) {
        return history.upbeat().snapshots().rebuild();
    }

    /** Before each call, the newest incident saved again in a change of its own, as an edit would. */
    @State(Scope.Benchmark)
    public static class Change {
        private final IncidentRepository incidents = new IncidentRepository();

        @Setup(Level.Invocation)
        public void change(RebuildBenchmark b) {
            Upbeat upbeat = b.history.upbeat();
            Incident newest = upbeat.snapshots().current().incidents().get(0);
            upbeat.database().useChange(tx -> incidents.update(tx, newest));
        }
    }
}
