package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.upbeat.problem.Problem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What "healthy" means for the dependent app: a request of {@code method} (default GET) to
 * {@code url}, with {@code headers} and {@code body} if given, answers one of {@code expectStatus}
 * (default any 2xx or 3xx), within {@code maxLatency} if given, with {@code bodyContains} in the
 * body if given. Other methods than GET let a drill check that writes are refused the way they
 * should be (say 503 at once) while reads keep working.
 */
public record SteadyStateCheck(String url, String method, Map<String, String> headers, String body, List<Integer> expectStatus,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxLatency, String bodyContains) {
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    public SteadyStateCheck {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        // A header without a value never gets here: the body reader refuses it with 400, naming it.
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
    }

    /** A GET of {@code url} alone: any 2xx or 3xx passes, however slow, whatever the body. */
    public static SteadyStateCheck of(String url) {
        return new SteadyStateCheck(url, null, null, null, null, null, null);
    }

    /** How the check is named in reports: the URL for a GET, else the method and the URL. Header values never appear. */
    String label() {
        return method.equals("GET") ? url : method + " " + url;
    }

    void validate(String prefix) {
        try {
            URI uri = URI.create(url == null ? "" : url);
            // A port past 65535 parses, then fails every check of the drill.
            if (!uri.isAbsolute() || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())
                    || uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(prefix + ".url", prefix + ".url must be an absolute http(s) URL of your app; got '" + url + "'");
        }
        if (!METHODS.contains(method)) {
            throw Problem.invalid(prefix + ".method", prefix + ".method must be one of " + String.join(", ", METHODS) + "; got '" + method + "'");
        }
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw Problem.invalid(prefix + ".body", prefix + ".body needs a method that sends one, such as POST; got " + method);
        }
        validateHeaders(prefix);
        for (int s : expectStatus) {
            if (s < 100 || s > 599) {
                throw Problem.invalid(prefix + ".expect_status", prefix + ".expect_status must hold HTTP statuses; got " + s);
            }
        }
        if (maxLatency != null && (maxLatency.isNegative() || maxLatency.isZero())) {
            throw Problem.invalid(prefix + ".max_latency", prefix + ".max_latency must be a positive duration such as PT0.5S");
        }
    }

    /** The HTTP client is the judge of a header: it refuses bad names and values, and those it sets itself (Host, Content-Length ...). */
    private void validateHeaders(String prefix) {
        HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create(url));
        headers.forEach((name, value) -> {
            try {
                probe.header(name, value);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(prefix + ".headers", prefix + ".headers cannot hold '" + name + "': " + e.getMessage());
            }
        });
    }

    /** The request this check sends; a body without a Content-Type header is sent as JSON, as Upbeat's own API wants it. */
    HttpRequest request(Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    boolean statusOk(int status) {
        return expectStatus.isEmpty() ? status >= 200 && status < 400 : expectStatus.contains(status);
    }
}
