package dev.upbeat.simulator.drill;

import dev.upbeat.simulator.Fault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a drill: the verdict ({@code running}, {@code pass}, {@code fail},
 * {@code aborted} or {@code skipped}) and why, what the simulation injected, each check's
 * success and latency per phase, and the timeline. The notice is private to admins.
 */
public record DrillReport(long id, String target, String verdict, String reason, Long simulationId, List<Fault> faults,
                          Instant startedAt, Instant endedAt, long requestsSeen, Map<String, Long> faultsInjected,
                          List<CheckSummary> checks, List<Event> timeline, String notice) {

    /** One check's numbers per phase ({@code before}, {@code during}, {@code after}). */
    public record CheckSummary(String url, Map<String, PhaseStats> phases) {
    }

    /** Attempts, successes and latency percentiles (milliseconds, nearest rank) of one check in one phase. */
    public record PhaseStats(int attempts, int successes, double successPercent, long p50Ms, long p90Ms, long p99Ms, long maxMs) {
        static PhaseStats of(List<SteadyStateProbe.Result> results) {
            long[] sorted = results.stream().mapToLong(SteadyStateProbe.Result::latencyMillis).sorted().toArray();
            int ok = (int) results.stream().filter(SteadyStateProbe.Result::ok).count();
            double percent = results.isEmpty() ? 0 : Math.round(1000.0 * ok / results.size()) / 10.0;
            return new PhaseStats(results.size(), ok, percent, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        private static long rank(long[] sorted, int percentile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)];
        }
    }

    /** Something that happened during the drill. */
    public record Event(Instant at, String phase, String what) {
    }

    static List<CheckSummary> summarise(List<SteadyStateCheck> checks, List<SteadyStateProbe.Result> results) {
        List<CheckSummary> out = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Map<String, PhaseStats> phases = new LinkedHashMap<>();
            for (String phase : List.of("before", "during", "after")) {
                int index = i;
                List<SteadyStateProbe.Result> mine = results.stream().filter(r -> r.check() == index && r.phase().equals(phase)).toList();
                if (!mine.isEmpty()) {
                    phases.put(phase, PhaseStats.of(mine));
                }
            }
            out.add(new CheckSummary(checks.get(i).url(), phases));
        }
        return out;
    }
}
