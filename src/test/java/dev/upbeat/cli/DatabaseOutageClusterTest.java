package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.RestartablePostgres;
import dev.upbeat.testing.TestUpbeat;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started under three running {@code upbeat serve} processes, each with
 * the production logging. While it is down every instance refuses writes at once with 503 and
 * Retry-After, serves its last snapshot, says so on /healthz, and logs one line for the outage;
 * once it is back each logs one line, takes writes again by itself, and a write on one instance
 * reaches the other two.
 */
class DatabaseOutageClusterTest {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    @Test
    void three_instances_ride_out_a_postgresql_restart_quietly_and_follow_each_other_after_it() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.started()) {
            List<CliRun.Started> processes = new ArrayList<>();
            List<Http> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    int port = freePort();
                    processes.add(CliRun.start(postgres.url(), Map.of("PORT", Integer.toString(port), "UPBEAT_HOST", "127.0.0.1",
                            "UPBEAT_ADMIN_TOKEN", TestUpbeat.ADMIN_TOKEN), "serve"));
                    nodes.add(new Http("http://127.0.0.1:" + port));
                }
                for (Http node : nodes) {
                    await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> node.get("/healthz").status() == 200);
                }
                assertThat(nodes.get(0).post("/api/v1/components", "{\"name\":\"API\"}").status()).isEqualTo(201);
                assertThat(nodes.get(0).post("/api/v1/incidents", "{\"title\":\"Slow API\",\"message\":\"Looking.\","
                        + "\"components\":{\"api\":\"degraded_performance\"}}").status()).isEqualTo(201);
                for (Http node : nodes) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> node.get("/api/v1/incidents").body().contains("Slow API"));
                }

                postgres.stop();
                List<Long> refusals = new ArrayList<>();
                for (Http node : nodes) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> "down".equals(node.get("/healthz").json().get("database").asText()));
                    refusals.add(refusedWrite(node));
                    servesTheLastState(node);
                }
                for (CliRun.Started p : processes) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> count(log(p), "Database unreachable at ") == 1);
                }

                postgres.start();
                long started = System.nanoTime();
                Http writer = nodes.get(1);
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> writer.post("/api/v1/incidents/1/resolve", null).status() == 200);
                long back = (System.nanoTime() - started) / 1_000_000;
                for (Http node : List.of(nodes.get(0), nodes.get(2))) {
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                            "resolved".equals(node.get("/api/v1/incidents/1").json().get("status").asText()));
                }
                for (int i = 0; i < nodes.size(); i++) {
                    Http node = nodes.get(i);
                    CliRun.Started p = processes.get(i);
                    await().atMost(Duration.ofSeconds(10)).until(() -> "up".equals(node.get("/healthz").json().get("database").asText())
                            && count(log(p), "Database reachable again after ") == 1);
                }
                System.out.printf("database outage cluster test: writes refused after %s ms on the three instances; "
                        + "a write taken %d ms after PostgreSQL started again%n", refusals, back);
                assertThat(back).as("ms until writes work again (the bar is 5 s; PostgreSQL's own start is in it)")
                        .isLessThan(10_000);
            } finally {
                for (CliRun.Started p : processes) {
                    p.process().destroy();
                }
            }
            for (CliRun.Started p : processes) {
                assertThat(p.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                String log = log(p);
                assertThat(log).as("an instance's log").contains("Upbeat stopped").doesNotContain(" ERROR ");
                assertThat(STACK_FRAME.matcher(log).find()).as("a stack trace in an instance's log:%n%s", log).isFalse();
                assertThat(count(log, "Database unreachable at ")).as(log).isEqualTo(1);
                assertThat(count(log, "Database reachable again after ")).as(log).isEqualTo(1);
                assertThat(count(log, " WARN ")).as("warnings beyond the one outage line:%n%s", log).isEqualTo(1);
            }
        }
    }

    /** A write refused with 503, Retry-After and the one error shape; returns the ms it took. */
    private static long refusedWrite(Http node) {
        long start = System.nanoTime();
        Http.Response write = node.post("/api/v1/incidents/1/updates", "{\"status\":\"identified\",\"message\":\"Found it.\"}");
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.header("Retry-After")).isEqualTo("5");
        assertThat(write.json().get("id").asText()).isEqualTo("service_unavailable");
        assertThat(took).as("ms to refuse a write while the database is known to be down (nothing waits; the margin is "
                + "for three JVMs and PostgreSQL on a loaded machine)").isLessThan(2_000);
        return took;
    }

    private static void servesTheLastState(Http node) {
        JsonNode health = node.get("/healthz").json();
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("snapshot_age_seconds").asLong()).isNotNegative();
        Http.Response page = node.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Slow API").contains("Degraded performance");
        assertThat(node.get("/api/v1/status").status()).isEqualTo(200);
        assertThat(node.get("/api/v2/summary.json").body()).contains("Slow API");
    }

    private static String log(CliRun.Started p) throws Exception {
        return Files.readString(p.err(), StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
