package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A probe is checked completely when saved, and what its failures publish (the auto-incident's
 * {error}) is a fixed phrase: a header value, even a broken one, never reaches the status page.
 */
class ProbeErrorTextTest {
    static TestUpbeat t;
    static Http http;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_PROBE_TICK", "PT1H"));
        http = t.http;
        assertThat(http.post("/api/v1/components", "{\"name\":\"Billing\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static String probe(String url, Map<String, String> headers, String extra) {
        var body = Json.mapper().createObjectNode().put("name", "billing").put("url", url).put("component", "billing")
                .put("auto_incident", true).put("failures_to_open", 1);
        body.set("headers", Json.mapper().valueToTree(headers));
        return extra.isEmpty() ? body.toString() : body.toString().replaceFirst("}$", "," + extra + "}");
    }

    private static void assertRefused(Http.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("PRIVATE-KEY");
    }

    @Test
    void headers_a_client_would_refuse_and_impossible_settings_are_422_when_saved() {
        String url = "http://127.0.0.1:9/health";
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of("Authorization", "Bearer PRIVATE-KEY\n"), "")),
                "headers.Authorization");
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of("X-Key", "PRIVATE-KEY\u0000"), "")), "headers.X-Key");
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of("Host", "internal.example"), "")), "headers.Host");
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of("X Key", "v"), "")), "headers");
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of("X-Key:", "v"), "")), "headers");
        assertRefused(http.post("/api/v1/probes", probe(url, Map.of(), "\"max_latency\":\"-PT1S\"")), "max_latency");
        assertRefused(http.post("/api/v1/probes", probe("tcp://127.0.0.1:99999", null, "")), "url");
        assertRefused(http.post("/api/v1/probes", probe("http://127.0.0.1:99999/", Map.of(), "")), "url");
        assertThat(http.get("/api/v1/probes", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).json()).isEmpty();
    }

    @Test
    void an_auto_incident_says_what_failed_in_fixed_words() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Http.Response created = http.post("/api/v1/probes", probe("http://127.0.0.1:" + closed + "/", Map.of("X-Key", "PRIVATE-KEY"), ""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertRefused(http.patch("/api/v1/probes/billing", "{\"headers\":{\"X-Key\":\"PRIVATE-KEY\\r\\nX-Other: 1\"}}"), "headers.X-Key");

        t.upbeat.probes().runner().runDue();

        JsonNode incident = http.get("/api/v1/incidents").json().get(0);
        String message = incident.get("updates").get(0).get("message").asText();
        assertThat(message).contains(": connection refused.").doesNotContain("PRIVATE-KEY").doesNotContain("Exception");
        assertThat(http.get("/").body()).doesNotContain("PRIVATE-KEY").doesNotContain("Exception");
        assertThat(http.delete("/api/v1/probes/billing").status()).isEqualTo(204);
    }
}
