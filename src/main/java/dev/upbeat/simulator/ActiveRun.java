package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.Toxic;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulation live on one proxy: its faults and what it has done so far. The counters are
 * drained into the run's record now and then, so an instance only ever adds its own deltas.
 */
public final class ActiveRun {
    private final long runId;
    private final FaultPlanner planner;
    private final java.time.Instant endsAt;
    private final java.time.Clock clock;
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    private final java.util.List<Toxic> toxics;

    public ActiveRun(long runId, java.util.List<Fault> faults, java.time.Instant endsAt, java.time.Clock clock) {
        this(runId, faults, java.util.List.of(), endsAt, clock);
    }

    /** A run of a target of either kind: HTTP faults, or the toxics of a tcp target. */
    public ActiveRun(long runId, java.util.List<Fault> faults, java.util.List<Toxic> toxics, java.time.Instant endsAt,
            java.time.Clock clock) {
        this.runId = runId;
        this.planner = new FaultPlanner(faults);
        this.toxics = toxics;
        this.endsAt = endsAt;
        this.clock = clock;
    }

    java.util.List<Toxic> toxics() {
        return toxics;
    }

    /** A connection through a tcp target: its runs count connections as requests. */
    void connected() {
        requests.increment();
    }

    /** One injection of {@code type} (a toxic that ran on a connection's direction). */
    void injected(String type) {
        injected.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    /**
     * True once the run's time is up. The proxy checks it on every request, so faults stop on time
     * even when the periodic tick that ends runs cannot reach the database.
     */
    boolean expired() {
        return endsAt != null && !clock.instant().isBefore(endsAt);
    }

    public long runId() {
        return runId;
    }

    FaultPlanner planner() {
        return planner;
    }

    void record(Plan plan) {
        requests.increment();
        for (String type : plan.injected()) {
            injected.computeIfAbsent(type, t -> new LongAdder()).increment();
        }
    }

    /** What happened since the last drain: requests seen and faults injected by type. */
    public Counts drain() {
        Map<String, Long> byType = new TreeMap<>();
        injected.forEach((type, n) -> {
            long taken = n.sumThenReset();
            if (taken > 0) {
                byType.put(type, taken);
            }
        });
        return new Counts(requests.sumThenReset(), byType);
    }

    /** Requests seen and faults injected by type. */
    public record Counts(long requests, Map<String, Long> injected) {
        public boolean isEmpty() {
            return requests == 0 && injected.isEmpty();
        }
    }
}
