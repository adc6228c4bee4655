package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.TestUpstream;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Targets and simulations through the real API, and the target's port as a dependent app sees it. */
class SimulatorApiTest {
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

    private static Http createTarget(String name) {
        Http.Response r = http.post("/api/v1/simulator/targets",
                "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.url() + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Http("http://" + r.json().get("listen").asText());
    }

    @Test
    void a_simulation_answers_maintenance_until_stopped_and_its_run_is_recorded() {
        Http target = createTarget("platform-api");
        assertThat(target.get("/echo").status()).as("proxies while no fault is active").isEqualTo(201);

        Http.Response started = http.post("/api/v1/simulator/targets/platform-api/simulations",
                "{\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT15M\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long id = started.json().get("id").asLong();
        Http.Response down = target.get("/apps/x");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).isEqualTo("application/json");
        assertThat(down.body()).isEqualTo("{ \"id\": \"maintenance\", \"message\": \"platform-api is temporarily unavailable.\\n"
                + "For more information, visit: https://status.example.test\" }");
        assertThat(target.get("/apps/y").status()).isEqualTo(503);
        assertThat(http.get("/api/v1/simulator/targets/platform-api", auth()).json().get("live_simulation").get("id").asLong())
                .isEqualTo(id);

        Http.Response stopped = http.delete("/api/v1/simulator/simulations/" + id);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(target.get("/echo").status()).isEqualTo(201);
        JsonNode run = http.get("/api/v1/simulator/simulations/" + id, auth()).json();
        assertThat(run.get("end_reason").asText()).isEqualTo("stopped");
        assertThat(run.get("ended_at").isNull()).isFalse();
        assertThat(run.get("requests").asLong()).isEqualTo(2);
        assertThat(run.get("injected").get("maintenance").asLong()).isEqualTo(2);
        assertThat(http.delete("/api/v1/simulator/simulations/" + id).status()).as("already ended").isEqualTo(409);
        assertThat(http.get("/metrics", auth()).body()).contains("upbeat_simulator_requests_total{target=\"platform-api\"}")
                .contains("upbeat_simulator_faults_injected_total{target=\"platform-api\",type=\"maintenance\"} 2.0");
    }

    @Test
    void a_simulation_ends_by_itself_when_its_time_is_up() {
        Http target = createTarget("expiring");
        long id = http.post("/api/v1/simulator/targets/expiring/simulations",
                "{\"faults\":[{\"type\":\"status\",\"status\":502}],\"duration\":\"PT15M\"}").json().get("id").asLong();
        assertThat(target.get("/echo").status()).isEqualTo(502);

        t.clock.advance(Duration.ofMinutes(16));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> target.get("/echo").status() == 201);
            // The proxy stops the faults at the end time itself; the run's record follows at the next tick.
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "expired".equals(http.get("/api/v1/simulator/simulations/" + id, auth()).json().path("end_reason").asText(null)));
        } finally {
            t.clock.reset();
        }
    }

    @Test
    void one_live_simulation_per_target() {
        createTarget("busy");
        String body = "{\"faults\":[{\"type\":\"reset\",\"percentage\":10}],\"duration\":\"PT1M\"}";
        assertThat(http.post("/api/v1/simulator/targets/busy/simulations", body).status()).isEqualTo(201);
        Http.Response second = http.post("/api/v1/simulator/targets/busy/simulations", body);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("message").asText()).contains("already has live simulation");
    }

    @Test
    void bad_input_is_refused_naming_the_field() throws Exception {
        Http.Response badListen = http.post("/api/v1/simulator/targets", "{\"name\":\"a\",\"listen\":\"localhost\"}");
        assertThat(badListen.status()).isEqualTo(422);
        assertThat(badListen.json().get("field").asText()).isEqualTo("listen");

        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Http.Response inUse = http.post("/api/v1/simulator/targets",
                    "{\"name\":\"b\",\"listen\":\"127.0.0.1:" + taken.getLocalPort() + "\"}");
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.json().get("message").asText()).contains("port " + taken.getLocalPort() + " is already in use");
        }
        createTarget("checked");
        Http.Response unknown = http.post("/api/v1/simulator/targets/checked/simulations",
                "{\"faults\":[{\"type\":\"explode\"}],\"duration\":\"PT1M\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("field").asText()).isEqualTo("faults[0].type");
        assertThat(unknown.json().get("message").asText()).contains("maintenance, status, latency, timeout, reset, slow_body, "
                + "truncate, empty_response, malformed_response").contains("explode");
        Http.Response badParam = http.post("/api/v1/simulator/targets/checked/simulations",
                "{\"faults\":[{\"type\":\"latency\",\"delay\":\"PT1S\",\"percent\":5}],\"duration\":\"PT1M\"}");
        assertThat(badParam.json().get("field").asText()).isEqualTo("faults[0].percent");
        Http.Response noDuration = http.post("/api/v1/simulator/targets/checked/simulations", "{\"faults\":[{\"type\":\"reset\"}]}");
        assertThat(noDuration.json().get("field").asText()).isEqualTo("duration");
        assertThat(http.post("/api/v1/simulator/targets/nope/simulations", "{\"faults\":[{\"type\":\"reset\"}],\"duration\":\"PT1M\"}")
                .status()).isEqualTo(404);
        assertThat(http.raw("POST", "/api/v1/simulator/targets", "{}", "Content-Type", "application/json").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/simulator/targets").status()).as("reads need a token too").isEqualTo(401);
    }

    @Test
    void metrics_need_a_token_and_name_only_targets_that_exist() throws Exception {
        Http.Response anonymous = http.get("/metrics");
        assertThat(anonymous.status()).as("target names are simulator reads").isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("upbeat_simulator");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(http.post("/api/v1/simulator/targets", "{\"name\":\"refused\",\"listen\":\"127.0.0.1:"
                    + taken.getLocalPort() + "\"}").status()).isEqualTo(409);
        }
        createTarget("short-lived");
        assertThat(http.get("/metrics", auth()).body()).contains("target=\"short-lived\"").doesNotContain("target=\"refused\"");
        assertThat(http.delete("/api/v1/simulator/targets/short-lived").status()).isEqualTo(204);
        assertThat(http.get("/metrics", auth()).body()).doesNotContain("target=\"short-lived\"");
    }

    static String[] auth() {
        return new String[] {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    }
}
