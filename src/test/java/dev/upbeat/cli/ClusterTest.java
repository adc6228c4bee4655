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
