package dev.upbeat.simulator.drill;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Runs one steady-state check against the dependent app and says how it went. */
final class SteadyStateProbe {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One check's outcome: ok or the reason it failed, and how long the answer took. Built by name with {@link #builder()}. */
    record Result(int check, String phase, Instant at, boolean ok, Integer status, long latencyMillis, String problem) {

        /** A builder with every field null, false or zero until set. */
        static Builder builder() {
            return new Builder();
        }

        static final class Builder {
            private int check;
            private String phase;
            private Instant at;
            private boolean ok;
            private Integer status;
            private long latencyMillis;
            private String problem;

            private Builder() {
            }

            Builder check(int check) { this.check = check; return this; }
            Builder phase(String phase) { this.phase = phase; return this; }
            Builder at(Instant at) { this.at = at; return this; }
            Builder ok(boolean ok) { this.ok = ok; return this; }
            Builder status(Integer status) { this.status = status; return this; }
            Builder latencyMillis(long latencyMillis) { this.latencyMillis = latencyMillis; return this; }
            Builder problem(String problem) { this.problem = problem; return this; }

            Result build() {
                return new Result(check, phase, at, ok, status, latencyMillis, problem);
            }
        }
    }

    Result run(int index, SteadyStateCheck check, String phase, Instant at) {
        Duration timeout = check.maxLatency() == null ? DEFAULT_TIMEOUT : check.maxLatency().plusSeconds(2);
        long started = System.nanoTime();
        Result.Builder result = Result.builder().check(index).phase(phase).at(at);
        try {
            HttpResponse<String> r = http.send(check.request(timeout), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            String problem = !check.statusOk(r.statusCode()) ? "status " + r.statusCode()
                    : check.maxLatency() != null && millis > check.maxLatency().toMillis() ? "took " + millis + " ms"
                    : check.bodyContains() != null && !r.body().contains(check.bodyContains()) ? "body lacks '" + check.bodyContains() + "'"
                    : null;
            return result.ok(problem == null).status(r.statusCode()).latencyMillis(millis).problem(problem).build();
        } catch (java.io.IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            return result.latencyMillis(millis)
                    .problem(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.problem("interrupted").build();
        }
    }
}
