package dev.upbeat.simulator.drill;

import dev.upbeat.simulator.Fault;
import dev.upbeat.simulator.tcp.Toxic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a drill: the verdict ({@code running}, {@code pass}, {@code fail},
 * {@code aborted} or {@code skipped}) and why, what the simulation injected, each check's
 * success and latency per phase, and the timeline. The notice is private to admins. Build one by
 * name with {@link #builder()}; Jackson reads stored reports through the canonical constructor.
 * A drill on a tcp target has {@code toxics} instead of faults (reports stored before have none).
 */
public record DrillReport(long id, String target, String verdict, String reason, Long simulationId, List<Fault> faults,
                          List<Toxic> toxics, Instant startedAt, Instant endedAt, long requestsSeen, Map<String, Long> faultsInjected,
                          List<CheckSummary> checks, List<Event> timeline, String notice) {

    public DrillReport {
        toxics = toxics == null ? List.of() : toxics;
    }

    /** A builder with no faults, nothing injected, no checks and an empty timeline; everything else is null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long id;
        private String target;
        private String verdict;
        private String reason;
        private Long simulationId;
        private List<Fault> faults = List.of();
        private List<Toxic> toxics = List.of();
        private Instant startedAt;
        private Instant endedAt;
        private long requestsSeen;
        private Map<String, Long> faultsInjected = Map.of();
        private List<CheckSummary> checks = List.of();
        private List<Event> timeline = List.of();
        private String notice;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder target(String target) { this.target = target; return this; }
        public Builder verdict(String verdict) { this.verdict = verdict; return this; }
        public Builder reason(String reason) { this.reason = reason; return this; }
        public Builder simulationId(Long simulationId) { this.simulationId = simulationId; return this; }
        public Builder faults(List<Fault> faults) { this.faults = faults; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder endedAt(Instant endedAt) { this.endedAt = endedAt; return this; }
        public Builder requestsSeen(long requestsSeen) { this.requestsSeen = requestsSeen; return this; }
        public Builder toxics(List<Toxic> toxics) { this.toxics = toxics; return this; }
        public Builder faultsInjected(Map<String, Long> faultsInjected) { this.faultsInjected = faultsInjected; return this; }
        public Builder checks(List<CheckSummary> checks) { this.checks = checks; return this; }
        public Builder timeline(List<Event> timeline) { this.timeline = timeline; return this; }
        public Builder notice(String notice) { this.notice = notice; return this; }

        public DrillReport build() {
            return new DrillReport(id, target, verdict, reason, simulationId, faults, toxics, startedAt, endedAt, requestsSeen,
                    faultsInjected, checks, timeline, notice);
        }
    }

    /**
     * One check's numbers per phase ({@code before}, {@code during}, {@code after}). Its
     * {@code method} is null in reports stored before checks had one, which were all GETs.
     */
    public record CheckSummary(String url, String method, Map<String, PhaseStats> phases) {
        public CheckSummary {
            method = method == null ? "GET" : method;
        }

        /** The URL for a GET, else the method and the URL, as the report's tables name the check. */
        public String label() {
            return method.equals("GET") ? url : method + " " + url;
        }
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
            out.add(new CheckSummary(checks.get(i).url(), checks.get(i).method(), phases));
        }
        return out;
    }
}
