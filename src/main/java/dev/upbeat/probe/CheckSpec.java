package dev.upbeat.probe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one check does and what counts as success. {@code url} is http(s) for an HTTP request or
 * {@code tcp://host:port} for a TCP connect; the HTTP-only fields are null (or empty) for TCP.
 *
 * @param expectedStatus accepted status codes; empty accepts 200 to 399
 * @param jsonPath       a dotted path into a JSON body ({@code data.items.0.state}); with {@code jsonEquals}
 * @param maxLatency     slower answers fail (null: no limit)
 * @param minCertDays    an https certificate expiring in fewer days fails (null: not checked)
 */
public record CheckSpec(
        URI url,
        String method,
        Map<String, String> headers,
        List<Integer> expectedStatus,
        String bodyContains,
        String jsonPath,
        String jsonEquals,
        Duration maxLatency,
        Integer minCertDays,
        Duration timeout) {

    /** The kind of check this URL's scheme selects (the URL was checked to have one). */
    public ProbeKind kind() {
        return ProbeKind.ofScheme(url.getScheme()).orElseThrow();
    }

    /** A builder with no headers, 200 to 399 accepted, and every other field null until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private URI url;
        private String method;
        private Map<String, String> headers = Map.of();
        private List<Integer> expectedStatus = List.of();
        private String bodyContains;
        private String jsonPath;
        private String jsonEquals;
        private Duration maxLatency;
        private Integer minCertDays;
        private Duration timeout;

        private Builder() {
        }

        public Builder url(URI url) { this.url = url; return this; }
        public Builder method(String method) { this.method = method; return this; }
        public Builder headers(Map<String, String> headers) { this.headers = headers; return this; }
        public Builder expectedStatus(List<Integer> expectedStatus) { this.expectedStatus = expectedStatus; return this; }
        public Builder bodyContains(String bodyContains) { this.bodyContains = bodyContains; return this; }
        public Builder jsonPath(String jsonPath) { this.jsonPath = jsonPath; return this; }
        public Builder jsonEquals(String jsonEquals) { this.jsonEquals = jsonEquals; return this; }
        public Builder maxLatency(Duration maxLatency) { this.maxLatency = maxLatency; return this; }
        public Builder minCertDays(Integer minCertDays) { this.minCertDays = minCertDays; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        public CheckSpec build() {
            return new CheckSpec(url, method, headers, expectedStatus, bodyContains, jsonPath, jsonEquals,
                    maxLatency, minCertDays, timeout);
        }
    }

    public boolean isTcp() {
        return kind() == ProbeKind.TCP;
    }

    public boolean accepts(int status) {
        return expectedStatus.isEmpty() ? status >= 200 && status < 400 : expectedStatus.contains(status);
    }
}
