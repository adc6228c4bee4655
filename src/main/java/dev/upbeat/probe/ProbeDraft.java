package dev.upbeat.probe;

import java.util.List;
import java.util.Map;

/**
 * A probe as a caller writes it (the API body, an entry of UPBEAT_PROBES_FILE, the CLI); durations
 * are ISO 8601 text. On change, a null field keeps its value. Checked by {@link ProbeRules}.
 */
public record ProbeDraft(
        String name,
        String url,
        String method,
        Map<String, String> headers,
        List<Integer> expectedStatus,
        String bodyContains,
        String jsonPath,
        String jsonEquals,
        String maxLatency,
        Integer minCertDays,
        String interval,
        String timeout,
        String component,
        Boolean autoIncident,
        Integer failuresToOpen,
        Integer successesToResolve) {
}
