package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.TestUpbeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every answer is named by an X-Request-Id, which its log lines and Upbeat's own error bodies repeat. */
class RequestIdTest {
    private static final String GENERATED = "[0-9a-f]{16}";
    static TestUpbeat t;
    static Http http;
    /** The access lines of the whole class, kept off the console. */
    static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.of("dev.upbeat.access");
        t = TestUpbeat.started(dev.upbeat.testing.TestDatabases.sqlite(), Map.of("UPBEAT_ACCESS_LOG", "true"));
        http = t.http;
    }

    @AfterAll
    static void stop() {
        t.close();
        logs.close();
    }

    @Test
    void every_kind_of_answer_carries_a_fresh_id() {
        List<String> ids = new ArrayList<>();
        for (String path : List.of("/", "/api/v1/status", "/api/v4/current-status", "/api/v2/summary.json", "/healthz",
                "/assets/upbeat.css", "/no-such-page", "/metrics")) {
            Http.Response r = http.get(path);
            assertThat(r.header("X-Request-Id")).as(path).matches(GENERATED);
            ids.add(r.header("X-Request-Id"));
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void an_id_set_by_a_proxy_is_kept_when_sane_and_replaced_otherwise() {
        String sane = "edge-7f3a.2026:12_03-" + "x".repeat(107);
        assertThat(sane).hasSize(128);
        assertThat(http.get("/api/v1/status", "X-Request-Id", sane).header("X-Request-Id")).isEqualTo(sane);
        for (String odd : List.of("x".repeat(129), "two words", "a/b", "quote\"", "<script>", "caf\u00e9", "")) {
            assertThat(http.get("/api/v1/status", "X-Request-Id", odd).header("X-Request-Id")).as(odd).matches(GENERATED);
        }
    }

    @Test
    void upbeats_own_error_bodies_name_the_request_and_the_compatible_ones_keep_their_three_fields() {
        Http.Response missing = http.get("/api/v1/components/nope", "X-Request-Id", "report-1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("request_id").asText()).isEqualTo("report-1");
        Http.Response refused = http.raw("POST", "/api/v1/components", "{}", "X-Request-Id", "report-2");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("request_id").asText()).isEqualTo("report-2");

        for (String path : List.of("/api/v4/incidents/999999", "/api/v3/issues/999999", "/api/v2/incidents/nope.json", "/no-such-page")) {
            Http.Response r = http.get(path, "X-Request-Id", "report-3");
            assertThat(r.header("X-Request-Id")).as(path).isEqualTo("report-3");
            JsonNode body = r.json();
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(path + " " + r.body()).containsExactly("id", "message", "field");
        }
    }

    @Test
    void the_access_line_of_a_request_carries_its_id_route_status_and_duration() {
        http.get("/api/v1/components/nope", "X-Request-Id", "report-4");
        ILoggingEvent line = awaitLine("report-4");
        Map<String, String> fields = line.getMDCPropertyMap();
        assertThat(line.getFormattedMessage()).isEqualTo("GET /api/v1/components/{id} 404 " + fields.get("duration_ms") + " ms");
        assertThat(fields).containsEntry("route", "/api/v1/components/{id}").containsEntry("status", "404").containsEntry("method", "GET");
        assertThat(Float.parseFloat(fields.get("duration_ms"))).isNotNegative();
    }

    private static ILoggingEvent awaitLine(String requestId) {
        // The line is written after the answer, so it may come just after the client has it.
        return org.awaitility.Awaitility.await().until(() -> logs.events().stream()
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
