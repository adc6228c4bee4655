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

    public boolean isTcp() {
        return kind() == ProbeKind.TCP;
    }

    public boolean accepts(int status) {
        return expectedStatus.isEmpty() ? status >= 200 && status < 400 : expectedStatus.contains(status);
    }
}
