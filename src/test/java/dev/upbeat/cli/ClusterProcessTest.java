package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing one PostgreSQL: A is {@code upbeat serve} in its own process, so it can be
 * killed as a crash would; B runs in this JVM. Both are on one host, so only one can bind a target's port.
 */
class ClusterProcessTest {
    static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};

    @Test
    void a_new_instance_leaves_a_live_run_alone_and_ends_it_as_interrupted_once_its_owner_is_killed() throws Exception {
        String db = TestDatabases.postgresql();
        int httpPort = freePort();
        int targetPort = freePort();
        CliRun.Started a = CliRun.start(db, Map.of("PORT", Integer.toString(httpPort), "UPBEAT_HOST", "127.0.0.1",
                "UPBEAT_ADMIN_TOKEN", TestUpbeat.ADMIN_TOKEN, "UPBEAT_SIM_LEASE", "PT3S"), "serve");
        try {
            Http httpA = new Http("http://127.0.0.1:" + httpPort);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> httpA.get("/healthz").status() == 200);
            Http.Response target = httpA.post("/api/v1/simulator/targets", "{\"name\":\"edge\",\"listen\":\"127.0.0.1:" + targetPort + "\"}");
            assertThat(target.status()).as(target.toString()).isEqualTo(201);
            Http.Response started = httpA.post("/api/v1/simulator/targets/edge/simulations",
                    "{\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT10M\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            long id = started.json().get("id").asLong();

            try (TestUpbeat b = TestUpbeat.started(db, Map.of("UPBEAT_SIM_LEASE", "PT3S"))) {
                String run = "/api/v1/simulator/simulations/" + id;
                // Longer than a lease: B must not take A's renewed run for an orphan.
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                        .until(() -> b.http.get(run, AUTH).json().get("ended_at").isNull());
                JsonNode listeners = b.http.get("/api/v1/simulator/targets/edge", AUTH).json().get("listeners");
                assertThat(listeners.findValuesAsText("state")).as(listeners.toString()).containsExactlyInAnyOrder("listening", "failed");
                assertThat(listeners.toString()).contains("\"error\":\"address in use: 127.0.0.1:" + targetPort + "\"")
                        .contains(b.upbeat.simulator().instance());

                a.process().destroyForcibly();
                assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                long killedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> "interrupted".equals(b.http.get(run, AUTH).json().path("end_reason").asText()));
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("within the lease and a tick or two")
                        .isLessThan(Duration.ofSeconds(6));

                // The port A held is free now: B takes it at its next try and serves the target A created.
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                        b.http.get("/api/v1/simulator/targets/edge", AUTH).json().get("listeners").toString()
                                .equals("[{\"instance\":\"" + b.upbeat.simulator().instance() + "\",\"state\":\"listening\",\"error\":null}]"));
                assertThat(RawHttp.get(targetPort, "/", 5_000).text()).startsWith("HTTP/1.1 ");
            }
        } finally {
            a.process().destroyForcibly();
            a.process().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
