package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.LiveEventReader;
import dev.upbeat.testing.TestUpbeat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /events as EventSource sees it: event ids are snapshot versions, Last-Event-ID resumes. */
class LiveEventsTest {
    static TestUpbeat t;
    static HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** Opens /events and returns a reader positioned at the start of the stream. */
    private static BufferedReader open(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.upbeat.port() + "/events"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> r = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    }

    private static String nextEventId(BufferedReader reader) throws Exception {
        return LiveEventReader.nextStatusId(reader);
    }

    @Test
    void a_new_page_hears_the_current_version_then_each_new_one() throws Exception {
        BufferedReader events = open(null);
        long current = t.upbeat.snapshots().current().version();
        assertThat(Long.parseLong(nextEventId(events))).isGreaterThanOrEqualTo(current);

        t.http.post("/api/v1/components", "{\"name\":\"Live One\"}");
        long after = t.upbeat.snapshots().current().version();
        String next = CompletableFuture.supplyAsync(() -> {
            try {
                String id;
                do {
                    id = nextEventId(events);
                } while (Long.parseLong(id) < after);
                return id;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).get(2, TimeUnit.SECONDS);
        assertThat(Long.parseLong(next)).isEqualTo(after);
    }

    @Test
    void a_page_that_reconnects_with_an_old_last_event_id_hears_the_current_version_at_once() throws Exception {
        BufferedReader events = open("1");
        String id = CompletableFuture.supplyAsync(() -> {
            try {
                return nextEventId(events);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }).get(2, TimeUnit.SECONDS);
        assertThat(Long.parseLong(id)).isEqualTo(t.upbeat.snapshots().current().version());
    }

    @Test
    void two_hundred_open_pages_all_hear_a_change_within_two_seconds() throws Exception {
        List<BufferedReader> pages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BufferedReader reader = open(null);
            nextEventId(reader);
            pages.add(reader);
        }
        t.http.post("/api/v1/components", "{\"name\":\"Fan Out\"}");
        long after = t.upbeat.snapshots().current().version();
        List<CompletableFuture<Long>> heard = pages.stream().map(reader -> CompletableFuture.supplyAsync(() -> {
            try {
                long id;
                do {
                    id = Long.parseLong(nextEventId(reader));
                } while (id < after);
                return id;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        })).toList();
        CompletableFuture.allOf(heard.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        assertThat(heard).allSatisfy(f -> assertThat(f.join()).isEqualTo(after));
    }

    @Test
    void the_heartbeat_comes_at_least_every_25_seconds() {
        assertThat(Duration.ofSeconds(LiveEvents.HEARTBEAT_SECONDS)).isLessThanOrEqualTo(Duration.ofSeconds(25));
    }
}
