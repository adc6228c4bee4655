package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.LiveEventReader;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three `upbeat serve` processes on one PostgreSQL behave as one: a write through any of them
 * reaches the others through the change feed (their snapshot timer is set to an hour, so it
 * cannot be what delivers it), and all three give one state one version.
 */
class ClusterTest {
    /** Generous for a loaded build machine, yet far below any timer: the feed or nothing. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final List<CliRun.Started> processes = new ArrayList<>();
    private static final List<Http> nodes = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() throws Exception {
        String database = TestDatabases.postgresql();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            processes.add(CliRun.start(database, Map.of("PORT", Integer.toString(port), "UPBEAT_ADMIN_TOKEN", TestUpbeat.ADMIN_TOKEN,
                    "UPBEAT_SNAPSHOT_REFRESH", "PT1H"), "serve"));
            nodes.add(new Http("http://127.0.0.1:" + port));
        }
        for (Http node : nodes) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> node.get("/healthz").status() == 200);
        }
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (CliRun.Started p : processes) {
            p.process().destroy();
        }
        for (CliRun.Started p : processes) {
            assertThat(p.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(p.err(), StandardCharsets.UTF_8);
            assertThat(log).as("an instance's log").doesNotContain(" ERROR ").contains("Upbeat stopped");
        }
    }

    private static Http a() {
        return nodes.get(0);
    }

    private static Http b() {
        return nodes.get(1);
    }

    private static Http c() {
        return nodes.get(2);
    }

    @Test
    void a_write_through_one_instance_is_read_on_the_others_within_a_second() {
        assertThat(a().post("/api/v1/components", "{\"name\":\"Checkout\"}").status()).isEqualTo(201);

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(b().get("/api/v1/components").body()).contains("Checkout");
            assertThat(c().get("/api/v2/summary.json").body()).contains("Checkout");
        });
    }

    @Test
    void every_instance_gives_one_state_the_same_etag_and_answers_304_to_another_ones() {
        assertThat(a().post("/api/v1/components", "{\"name\":\"Search\"}").status()).isEqualTo(201);
        String etag = a().get("/api/v1/components").header("ETag");

        // Asked at once, before the feed may have arrived: the newer ETag makes B catch up first.
        assertThat(b().get("/api/v1/components", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(c().get("/api/v2/summary.json", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(c().get("/api/v1/components").header("ETag")).isEqualTo(etag);
    }

    @Test
    void a_live_stream_on_one_instance_hears_a_change_made_on_another_with_the_same_id() throws Exception {
        BufferedReader stream = openEvents(c());
        long before = Long.parseLong(nextEventId(stream));

        assertThat(b().post("/api/v1/components", "{\"name\":\"Billing\"}").status()).isEqualTo(201);
        String written = b().get("/api/v1/components").header("ETag").replace("\"", "");
        assertThat(Long.parseLong(written)).isGreaterThan(before);
        // The stream may first carry a state between the two (a change an earlier test made that C
        // had not applied yet); what counts is that it reaches the writer's state, under its number.
        String heard = CompletableFuture.supplyAsync(() -> {
            try {
                String id;
                do {
                    id = nextEventId(stream);
                } while (Long.parseLong(id) < Long.parseLong(written));
                return id;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(heard).isEqualTo(written);
        assertThat(a().get("/api/v1/components").header("ETag")).isEqualTo("\"" + heard + "\"");
    }

    /**
     * Each instance keeps the daily uptime it read and reads again only the days a change rewrote
     * (stamped with the change's number in the database), so a past stretch of downtime recorded
     * through one instance must show on the others, which had already kept that day without it.
     */
    @Test
    void downtime_recorded_after_the_fact_through_one_instance_shows_in_the_uptime_of_every_instance() throws Exception {
        Http.Response created = a().post("/api/v1/components", "{\"name\":\"Ledger\"}");
        assertThat(created.status()).isEqualTo(201);
        java.time.Instant since = java.time.Instant.parse(created.json().get("created_at").asText());
        for (Http node : nodes) {
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> node.get("/api/v1/uptime").body().contains("\"ledger\""));
        }
        // Whole seconds after the component began (the API keeps incidents' times to the second), and past.
        java.time.Instant start = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(2);
        java.time.Instant end = start.plusSeconds(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> java.time.Instant.now().isAfter(end));
        assertThat(b().post("/api/v1/incidents", "{\"title\":\"Ledger down\",\"message\":\"Recorded after the fact.\","
                + "\"status\":\"resolved\",\"components\":{\"ledger\":\"major_outage\"},\"started_at\":\"" + start
                + "\",\"resolved_at\":\"" + end + "\",\"notify_subscribers\":false}").status()).isEqualTo(201);

        String day = java.time.LocalDate.ofInstant(start, java.time.ZoneOffset.UTC).toString();
        for (Http node : nodes) {
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(majorOutageSeconds(node, day)).as("major outage seconds of Ledger on %s", day).isEqualTo(3));
        }
    }

    private static long majorOutageSeconds(Http node, String day) {
        for (com.fasterxml.jackson.databind.JsonNode component : node.get("/api/v1/uptime").json()) {
            if (component.get("component_id").asText().equals("ledger")) {
                for (com.fasterxml.jackson.databind.JsonNode d : component.get("days")) {
                    if (d.get("date").asText().equals(day)) {
                        return d.get("major_outage_seconds").asLong();
                    }
                }
            }
        }
        return -1;
    }

    private static BufferedReader openEvents(Http node) throws Exception {
        URI uri = URI.create(node.get("/healthz").raw().uri().resolve("/events").toString());
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    }

    private static String nextEventId(BufferedReader reader) throws Exception {
        return LiveEventReader.nextStatusId(reader);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
