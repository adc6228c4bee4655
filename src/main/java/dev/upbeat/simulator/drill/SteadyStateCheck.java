package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.upbeat.problem.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What "healthy" means for the dependent app: a GET of {@code url} answers one of
 * {@code expectStatus} (default any 2xx or 3xx), within {@code maxLatency} if given, with
 * {@code bodyContains} in the body if given.
 */
public record SteadyStateCheck(String url, List<Integer> expectStatus,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) Duration maxLatency, String bodyContains) {

    public SteadyStateCheck {
        expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
    }

    /** A check of {@code url} alone: any 2xx or 3xx passes, however slow, whatever the body. */
    public static SteadyStateCheck of(String url) {
        return new SteadyStateCheck(url, null, null, null);
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
        for (int s : expectStatus) {
            if (s < 100 || s > 599) {
                throw Problem.invalid(prefix + ".expect_status", prefix + ".expect_status must hold HTTP statuses; got " + s);
            }
        }
        if (maxLatency != null && (maxLatency.isNegative() || maxLatency.isZero())) {
            throw Problem.invalid(prefix + ".max_latency", prefix + ".max_latency must be a positive duration such as PT0.5S");
        }
    }

    boolean statusOk(int status) {
        return expectStatus.isEmpty() ? status >= 200 && status < 400 : expectStatus.contains(status);
    }
}
