package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.ProbedServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes through the real HTTP server: the API a script uses, and what the public pages show
 * when uptime comes from incidents and probes both. The runner's own schedule is slowed to an
 * hour so the test drives every run with the clock.
 */
class ProbeApiTest {
    static TestUpbeat t;
    static Http http;
    static ProbedServer upstream;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_UPTIME_SOURCE", "both", "UPBEAT_PROBE_TICK", "PT1H"));
        http = t.http;
        upstream = new ProbedServer();
    }

    @AfterAll
    static void stop() {
        upstream.close();
        t.close();
    }

    private static String component(String name) {
        return http.post("/api/v1/components", "{\"name\":\"" + name + "\"}").json().get("id").asText();
    }

    private static String probeBody(String name, String component) {
        return """
                {"name":"%s","url":"%s","interval":"PT30S","timeout":"PT5S","component":"%s",
                 "auto_incident":true,"failures_to_open":3,"successes_to_resolve":2}""".formatted(name, upstream.url("/health"), component);
    }

    @Test
    void creating_a_probe_answers_201_and_it_can_be_listed_changed_and_removed() {
        String c = component("Checkout");
        Http.Response created = http.post("/api/v1/probes", probeBody("checkout", c));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(p.get("id").asText()).isEqualTo("checkout");
        assertThat(created.header("Location")).isEqualTo("/api/v1/probes/checkout");
        assertThat(p.get("kind").asText()).isEqualTo("http");
        assertThat(p.get("interval").asText()).isEqualTo("PT30S");
        assertThat(p.get("auto_incident").asBoolean()).isTrue();
        assertThat(p.get("state").get("consecutive_failures").asInt()).isZero();
        assertThat(http.get("/api/v1/probes", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).json().toString()).contains("checkout");

        Http.Response changed = http.patch("/api/v1/probes/checkout", "{\"interval\":\"PT1M\",\"body_contains\":\"ok\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("interval").asText()).isEqualTo("PT1M");
        assertThat(changed.json().get("body_contains").asText()).isEqualTo("ok");
        assertThat(changed.json().get("timeout").asText()).isEqualTo("PT5S");

        assertThat(http.delete("/api/v1/probes/checkout").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/probes/checkout", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void probes_need_a_token_even_to_read() {
        assertThat(http.get("/api/v1/probes").status()).isEqualTo(401);
        assertThat(http.raw("POST", "/api/v1/probes", probeBody("x", "y"), "Content-Type", "application/json").status()).isEqualTo(401);
    }

    @Test
    void bad_values_are_refused_naming_the_field() {
        String c = component("Search");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"ftp://x\",\"component\":\"" + c + "\"}"), "url");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"tcp://db.example.test\",\"component\":\"" + c + "\"}"), "url");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"https://x.test\",\"interval\":\"soon\",\"component\":\"" + c + "\"}"),
                "interval");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"https://x.test\",\"interval\":\"PT10S\",\"timeout\":\"PT20S\","
                + "\"component\":\"" + c + "\"}"), "timeout");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"https://x.test\",\"failures_to_open\":0,\"component\":\"" + c + "\"}"),
                "failures_to_open");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"https://x.test\",\"component\":\"nope\"}"), "component");
        assertField(http.post("/api/v1/probes", "{\"name\":\"s\",\"url\":\"https://x.test\",\"json_equals\":\"1\",\"component\":\"" + c + "\"}"),
                "json_equals");
        Http.Response unknown = http.post("/api/v1/probes", "{\"name\":\"s\",\"urll\":\"https://x.test\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("urll");
    }

    private static void assertField(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void a_probed_component_shows_measured_bars_beside_the_incident_ones_and_a_latency_chart() {
        String c = component("Storefront");
        assertThat(http.post("/api/v1/probes", probeBody("storefront", c)).status()).isEqualTo(201);
        for (int i = 0; i < 150; i++) {
            t.upbeat.probes().runner().runDue();
            t.clock.advance(Duration.ofSeconds(30));
        }
        t.clock.advance(Duration.ofHours(1));
        t.upbeat.probes().rollups().run();
        t.upbeat.snapshots().rebuild();

        Http.Response results = http.get("/api/v1/probes/storefront/results?limit=5", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
        assertThat(results.json()).hasSize(5);
        assertThat(results.json().get(0).get("ok").asBoolean()).isTrue();

        String uptime = http.get("/uptime").body();
        assertThat(uptime).contains("Measured by probes: 100.00% over 90 days");
        String page = http.get("/components/" + c + "/uptime").body();
        assertThat(page).contains("Measured by probes this month: <strong>100.00%</strong>")
                .contains("Response time: storefront").contains("class=\"latency-p50\"").containsPattern("points=\"[0-9.]+,[0-9.]+ ")
                .doesNotContain("style=");
    }
}
