package dev.upbeat.probe;

import java.util.List;
import java.util.Map;

/**
 * A probe as a caller writes it (the API body, an entry of UPBEAT_PROBES_FILE, the CLI); durations
 * are ISO 8601 text. On change, a null field keeps its value. Checked by {@link ProbeRules}. Jackson
 * binds bodies through the canonical constructor; Java callers name the fields they set with
 * {@link #builder()}.
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

    /** A builder with every field null, which on change means "keep". */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private String url;
        private String method;
        private Map<String, String> headers;
        private List<Integer> expectedStatus;
        private String bodyContains;
        private String jsonPath;
        private String jsonEquals;
        private String maxLatency;
        private Integer minCertDays;
        private String interval;
        private String timeout;
        private String component;
        private Boolean autoIncident;
        private Integer failuresToOpen;
        private Integer successesToResolve;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }
        public Builder url(String url) { this.url = url; return this; }
        public Builder method(String method) { this.method = method; return this; }
        public Builder headers(Map<String, String> headers) { this.headers = headers; return this; }
        public Builder expectedStatus(List<Integer> expectedStatus) { this.expectedStatus = expectedStatus; return this; }
        public Builder bodyContains(String bodyContains) { this.bodyContains = bodyContains; return this; }
        public Builder jsonPath(String jsonPath) { this.jsonPath = jsonPath; return this; }
        public Builder jsonEquals(String jsonEquals) { this.jsonEquals = jsonEquals; return this; }
        public Builder maxLatency(String maxLatency) { this.maxLatency = maxLatency; return this; }
        public Builder minCertDays(Integer minCertDays) { this.minCertDays = minCertDays; return this; }
        public Builder interval(String interval) { this.interval = interval; return this; }
        public Builder timeout(String timeout) { this.timeout = timeout; return this; }
        public Builder component(String component) { this.component = component; return this; }
        public Builder autoIncident(Boolean autoIncident) { this.autoIncident = autoIncident; return this; }
        public Builder failuresToOpen(Integer failuresToOpen) { this.failuresToOpen = failuresToOpen; return this; }
        public Builder successesToResolve(Integer successesToResolve) { this.successesToResolve = successesToResolve; return this; }

        public ProbeDraft build() {
            return new ProbeDraft(name, url, method, headers, expectedStatus, bodyContains, jsonPath, jsonEquals,
                    maxLatency, minCertDays, interval, timeout, component, autoIncident, failuresToOpen,
                    successesToResolve);
        }
    }
}
