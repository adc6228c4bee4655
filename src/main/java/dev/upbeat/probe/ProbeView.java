package dev.upbeat.probe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A probe as the API shows it: the fields it was written with, durations in ISO 8601, and its state. */
public record ProbeView(String id, String name, String kind, String url, String method, Map<String, String> headers,
                        List<Integer> expectedStatus, String bodyContains, String jsonPath, String jsonEquals, String maxLatency,
                        Integer minCertDays, String interval, String timeout, String component, boolean autoIncident,
                        int failuresToOpen, int successesToResolve, State state, Instant createdAt, Instant updatedAt) {

    /** Consecutive failures and successes so far, and the incident the probe has open (null: none). */
    public record State(int consecutiveFailures, int consecutiveSuccesses, Long incidentId) {
    }

    /** One stored result. */
    public record ResultView(Instant checkedAt, boolean ok, long latencyMs, boolean inMaintenance, String error) {
        static ResultView of(StoredResult r) {
            return new ResultView(r.checkedAt(), r.ok(), r.latencyMs(), r.inMaintenance(), r.error());
        }
    }

    public static ProbeView of(Probe p) {
        CheckSpec c = p.check();
        return new ProbeView(p.id(), p.name(), p.kind(), c.url().toString(), p.check().isTcp() ? null : c.method(), c.headers(),
                c.expectedStatus(), c.bodyContains(), c.jsonPath(), c.jsonEquals(),
                c.maxLatency() == null ? null : c.maxLatency().toString(), c.minCertDays(), p.interval().toString(),
                c.timeout().toString(), p.componentId(), p.policy().autoIncident(), p.policy().failuresToOpen(),
                p.policy().successesToResolve(),
                new State(p.streak().failures(), p.streak().successes(), p.streak().incidentId()), p.createdAt(), p.updatedAt());
    }
}
