package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.DependentApp;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.TestUpstream;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drills against small dependent apps: one that survives the outage from its cache, one that does not. */
class DrillTest {
    static TestUpbeat t;
    static Http http;
    static TestUpstream upstream;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        upstream = new TestUpstream();
    }

    @AfterAll
    static void stop() {
        t.close();
        upstream.close();
    }

    private static String target(String name, boolean withUpstream) {
        Http.Response r = http.post("/api/v1/simulator/targets", "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\""
                + (withUpstream ? ",\"upstream\":\"" + upstream.url() + "\"" : "") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return "http://" + r.json().get("listen").asText() + "/bytes?n=12";
    }

    private static JsonNode drill(String target, DependentApp app, boolean abort) {
        Http.Response r = http.post("/api/v1/drills", """
                {"target":"%s","faults":[{"type":"maintenance"}],"duration":"PT2S","interval":"PT0.25S","recovery":"PT2S",
                 "abort_on_breach":%s,"notice":"Weekly Platform API drill",
                 "checks":[{"url":"%s","expect_status":[200],"max_latency":"PT1S"}]}""".formatted(target, abort, app.healthUrl()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("verdict").asText()).isEqualTo("running");
        long id = r.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json().get("verdict").asText().equals("running"));
        return http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json();
    }

    @Test
    void an_app_that_serves_from_cache_passes_and_the_report_comes_as_json_html_and_markdown() throws Exception {
        try (DependentApp app = new DependentApp(target("cached-dep", true), true)) {
            JsonNode report = drill("cached-dep", app, false);
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("pass");
            JsonNode during = report.get("checks").get(0).get("phases").get("during");
            assertThat(during.get("success_percent").asDouble()).isEqualTo(100.0);
            assertThat(during.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(report.get("faults_injected").get("maintenance").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(report.get("timeline").toString()).contains("simulation").contains("pass");

            long id = report.get("id").asLong();
            Http.Response md = http.get("/api/v1/drills/" + id + "/report.md", SimulatorApiTest.auth());
            assertThat(md.body()).contains("**PASS**").contains("| during | 100.0%").contains("Private notice: Weekly Platform API drill");
            Http.Response html = http.get("/api/v1/drills/" + id + "/report.html", SimulatorApiTest.auth());
            assertThat(html.header("Content-Type")).startsWith("text/html");
            assertThat(html.body()).contains("verdict-pass").contains("<ol>");
            assertThat(http.get("/api/v1/drills/" + id).status()).as("drills are private").isEqualTo(401);
            assertThat(http.get("/").body()).doesNotContain("Weekly Platform API drill");
        }
    }

    @Test
    void a_drill_announces_itself_on_the_public_page_only_when_asked() throws Exception {
        try (DependentApp app = new DependentApp(target("announced-dep", true), true)) {
            Http.Response r = http.post("/api/v1/drills", """
                    {"target":"announced-dep","faults":[{"type":"maintenance"}],"duration":"PT1S","interval":"PT0.25S",
                     "recovery":"PT1S","public_notice":true,"notice":"Rehearsing a Platform API outage",
                     "checks":[{"url":"%s","expect_status":[200]}]}""".formatted(app.healthUrl()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            long id = r.json().get("id").asLong();
            JsonNode open = http.get("/api/v1/maintenances?status=in_progress").json();
            assertThat(open.toString()).contains("Resilience drill: announced-dep");
            assertThat(http.get("/").body()).contains("Resilience drill: announced-dep");
            assertThat(open.get(0).get("components")).as("no component's status or uptime changes").isEmpty();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json().get("verdict").asText().equals("running"));
            await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/api/v1/maintenances?status=completed").body()
                    .contains("Resilience drill: announced-dep"));
        }
    }

    @Test
    void an_app_without_a_cache_fails_the_drill_and_recovers_after_it() throws Exception {
        try (DependentApp app = new DependentApp(target("fragile-dep", true), false)) {
            JsonNode report = drill("fragile-dep", app, false);
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("fail");
            JsonNode phases = report.get("checks").get(0).get("phases");
            assertThat(phases.get("during").get("success_percent").asDouble()).isLessThan(100.0);
            assertThat(phases.get("after").get("successes").asInt()).isPositive();
        }
    }

    @Test
    void a_breach_aborts_and_reverts_the_simulation_at_once_when_asked() throws Exception {
        try (DependentApp app = new DependentApp(target("abort-dep", true), false)) {
            JsonNode report = drill("abort-dep", app, true);
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("aborted");
            JsonNode run = http.get("/api/v1/simulator/simulations/" + report.get("simulation_id").asLong(), SimulatorApiTest.auth()).json();
            assertThat(run.get("end_reason").asText()).isEqualTo("aborted");
            assertThat(run.get("origin").asText()).isEqualTo("drill");
        }
    }

    @Test
    void a_drill_whose_simulation_is_stopped_midway_is_aborted_with_the_reason_never_passed() throws Exception {
        try (DependentApp app = new DependentApp(target("stopped-dep", true), true)) {
            Http.Response r = http.post("/api/v1/drills", """
                    {"target":"stopped-dep","faults":[{"type":"maintenance"}],"duration":"PT5M","interval":"PT0.25S",
                     "recovery":"PT2S","checks":[{"url":"%s","expect_status":[200]}]}""".formatted(app.healthUrl()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            long id = r.json().get("id").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/simulator/targets/stopped-dep", SimulatorApiTest.auth())
                    .json().hasNonNull("live_simulation"));
            long run = http.get("/api/v1/simulator/targets/stopped-dep", SimulatorApiTest.auth()).json().get("live_simulation").get("id").asLong();
            assertThat(http.delete("/api/v1/simulator/simulations/" + run).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json().get("verdict").asText().equals("running"));
            JsonNode report = http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json();
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("aborted");
            assertThat(report.get("reason").asText()).isEqualTo("the simulation was stopped: stopped");
            assertThat(report.get("simulation_id").asLong()).isEqualTo(run);
        }
    }

    @Test
    void a_check_of_another_method_than_get_is_refused_naming_the_field_when_it_cannot_be_sent() {
        target("checked-dep", false);
        refused("{\"method\":\"TRACE\",\"url\":\"http://app.example/x\"}", "checks[0].method");
        refused("{\"url\":\"http://app.example/x\",\"body\":\"{}\"}", "checks[0].body");
        refused("{\"method\":\"POST\",\"url\":\"http://app.example/x\",\"headers\":{\"Host\":\"elsewhere\"}}", "checks[0].headers");
        refused("{\"method\":\"POST\",\"url\":\"http://app.example/x\",\"headers\":{\"Bad name\":\"v\"}}", "checks[0].headers");
        Http.Response nullValue = http.post("/api/v1/drills", """
                {"target":"checked-dep","faults":[{"type":"maintenance"}],"duration":"PT1M",
                 "checks":[{"method":"POST","url":"http://app.example/x","headers":{"X-Empty":null}}]}""");
        assertThat(nullValue.status()).as(nullValue.toString()).isEqualTo(400);
        assertThat(nullValue.json().get("field").asText()).isEqualTo("checks[0].headers.X-Empty");
        Http.Response ok = http.post("/api/v1/drills", """
                {"target":"checked-dep","faults":[{"type":"maintenance"}],"duration":"PT1S","recovery":"PT0S",
                 "checks":[{"method":"post","url":"http://127.0.0.1:1/x","headers":{"Authorization":"Bearer s3cret"},"body":"{}"}]}""");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        long id = ok.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json().get("verdict").asText().equals("running"));
        JsonNode report = http.get("/api/v1/drills/" + id, SimulatorApiTest.auth()).json();
        assertThat(report.get("verdict").asText()).as("nothing listens on port 1").isEqualTo("skipped");
        assertThat(report.get("checks").get(0).get("method").asText()).isEqualTo("POST");
        assertThat(report.get("timeline").toString()).contains("check POST http://127.0.0.1:1/x failed");
        assertThat(report.toString() + http.get("/api/v1/drills/" + id + "/report.md", SimulatorApiTest.auth()).body())
                .as("header values stay out of reports").doesNotContain("s3cret");
    }

    private static void refused(String check, String field) {
        Http.Response r = http.post("/api/v1/drills", """
                {"target":"checked-dep","faults":[{"type":"maintenance"}],"duration":"PT1M","checks":[%s]}""".formatted(check));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    }

    @Test
    void an_app_already_unhealthy_is_skipped_without_a_simulation() throws Exception {
        try (DependentApp app = new DependentApp(target("down-dep", false), false)) {
            JsonNode report = drill("down-dep", app, false);
            assertThat(report.get("verdict").asText()).isEqualTo("skipped");
            assertThat(report.get("simulation_id").isNull()).isTrue();
        }
    }
}
