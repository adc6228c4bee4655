package dev.upbeat.simulator.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Runs one steady-state check against the dependent app and says how it went. */
final class SteadyStateProbe {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One check's outcome: ok or the reason it failed, and how long the answer took. */
    record Result(int check, String phase, Instant at, boolean ok, Integer status, long latencyMillis, String problem) {
    }

    Result run(int index, SteadyStateCheck check, String phase, Instant at) {
        Duration timeout = check.maxLatency() == null ? DEFAULT_TIMEOUT : check.maxLatency().plusSeconds(2);
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(check.url())).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            String problem = !check.statusOk(r.statusCode()) ? "status " + r.statusCode()
                    : check.maxLatency() != null && millis > check.maxLatency().toMillis() ? "took " + millis + " ms"
                    : check.bodyContains() != null && !r.body().contains(check.bodyContains()) ? "body lacks '" + check.bodyContains() + "'"
                    : null;
            return new Result(index, phase, at, problem == null, r.statusCode(), millis, problem);
        } catch (java.io.IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(index, phase, at, false, null, millis, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(index, phase, at, false, null, 0, "interrupted");
        }
    }
}
