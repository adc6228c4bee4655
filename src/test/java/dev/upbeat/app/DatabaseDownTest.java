package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.RestartablePostgres;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's own bar: a database outage is cheap and quiet. PostgreSQL is stopped under a
 * serving instance and started again on the same port and data. Meanwhile writes are refused at
 * once with 503 and Retry-After, public reads keep serving the last state, /healthz stays 200 and
 * says the database is down and how old the snapshot is, the page says how old its status is, and
 * the log says once that the database is down and once that it is back, without a stack trace.
 * Writes then work again by themselves.
 */
class DatabaseDownTest {
    private static final String INCIDENT = "{\"title\":\"API errors\",\"message\":\"Looking.\",\"components\":{\"api\":\"major_outage\"}}";

    @Test
    void while_postgresql_is_stopped_writes_get_503_at_once_reads_serve_the_last_state_and_writes_come_back_by_themselves() {
        try (RestartablePostgres postgres = RestartablePostgres.started();
             LogCapture logs = LogCapture.withInfo("dev.upbeat", "com.zaxxer.hikari")) {
            try (TestUpbeat t = TestUpbeat.started(postgres.url(), Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT0.2S"))) {
                Http http = t.http;
                assertThat(http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}").status()).isEqualTo(201);
                assertThat(http.post("/api/v1/incidents", INCIDENT).status()).isEqualTo(201);
                JsonNode up = http.get("/healthz").json();
                assertThat(up.get("database").asText()).isEqualTo("up");
                long version = up.get("snapshot_version").asLong();

                postgres.stop();
                long first = refusedWrite(http);
                long next = refusedWrite(http);
                servesTheLastState(http, version);

                t.clock.advance(Duration.ofMinutes(3));
                assertThat(http.get("/healthz").json().get("snapshot_age_seconds").asLong()).isGreaterThanOrEqualTo(180);
                assertThat(http.get("/").body()).contains("Last updated 3\u00a0min ago");
                assertThat(http.get("/history").body()).contains("Last updated 3\u00a0min ago");

                postgres.start();
                long started = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.post("/api/v1/incidents/1/resolve", null).status() == 200);
                long back = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("database down test: first write refused after %d ms, the next after %d ms; writes back %d ms "
                        + "after PostgreSQL answered again%n", first, next, back);
                assertThat(first).as("ms to refuse the first write (the bar is 1 s; twice that for a loaded machine)")
                        .isLessThan(2_000);
                assertThat(back).as("ms until writes work again (the bar is 5 s)").isLessThan(8_000);

                JsonNode health = http.get("/healthz").json();
                assertThat(health.get("database").asText()).isEqualTo("up");
                assertThat(health.get("snapshot_age_seconds").asLong()).isLessThan(60);
                assertThat(http.get("/").body()).doesNotContain("Last updated");
            }
            assertOneLineDownOneLineBack(logs.events());
        }
    }

    @Test
    void stopping_while_postgresql_is_down_logs_no_error() {
        try (RestartablePostgres postgres = RestartablePostgres.started();
             LogCapture logs = LogCapture.withInfo("dev.upbeat", "com.zaxxer.hikari")) {
            try (TestUpbeat t = TestUpbeat.started(postgres.url(), Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT0.2S"))) {
                assertThat(t.http.post("/api/v1/components", "{\"name\":\"API\"}").status()).isEqualTo(201);
                postgres.stop();
                await().atMost(Duration.ofSeconds(5)).until(() -> "down".equals(t.http.get("/healthz").json().get("database").asText()));
            }
            assertThat(logs.events()).as("no stack trace").allSatisfy(e -> assertThat(e.getThrowableProxy())
                    .as(LogCapture.describe(e)).isNull());
            assertThat(logs.errors()).isEmpty();
            assertThat(logs.events()).anyMatch(e -> e.getFormattedMessage().equals("Upbeat stopped"));
        }
    }

    /** A write while the database is away: 503 with Retry-After, the one error shape and its request id; returns the ms it took. */
    private static long refusedWrite(Http http) {
        long start = System.nanoTime();
        Http.Response write = http.raw("POST", "/api/v1/incidents/1/resolve", null,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN, "X-Request-Id", "report-503");
        long took = (System.nanoTime() - start) / 1_000_000;
        // A user's report of the refusal names the request, as the answer did.
        assertThat(write.json().get("request_id").asText()).isEqualTo("report-503");
        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.header("Retry-After")).isEqualTo("5");
        assertThat(write.json().get("id").asText()).isEqualTo("service_unavailable");
        assertThat(write.json().get("message").asText()).startsWith("The database cannot be reached");
        return took;
    }

    private static void servesTheLastState(Http http, long version) {
        Http.Response health = http.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("database").asText()).isEqualTo("down");
        assertThat(health.json().get("snapshot_version").asLong()).isEqualTo(version);
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("API errors").contains("Major outage").doesNotContain("Last updated");
        assertThat(http.get("/api/v1/components").body()).contains("\"status\":\"major_outage\"");
        assertThat(http.get("/api/v2/summary.json").status()).isEqualTo(200);
        assertThat(http.get("/api/v4/current-status").body()).contains("red");
        assertThat(http.get("/history.atom").body()).contains("API errors");
        // Token reads that need the database are refused like writes, not failed.
        assertThat(http.get("/api/v1/probes", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).status()).isEqualTo(503);
    }

    private static void assertOneLineDownOneLineBack(List<ILoggingEvent> events) {
        assertThat(events).as("no stack trace").allSatisfy(e -> assertThat(e.getThrowableProxy()).as(LogCapture.describe(e)).isNull());
        assertThat(events).filteredOn(e -> e.getLevel() == Level.ERROR).as("no error").isEmpty();
        assertThat(events).filteredOn(e -> e.getLevel() == Level.WARN).as("warnings").singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("Database unreachable at jdbc:postgresql://localhost:")
                        .contains("writes get 503"));
        assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("Database reachable again after ")).hasSize(1);
    }
}
