package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.DependentApp;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.TestUpstream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The simulator across three {@code upbeat serve} processes on one PostgreSQL, A, B and C, and a fourth
 * started midway: every instance serves every target, a new instance leaves running simulations and
 * drills alone, and a clean stop of their owner hands them over. All are on one host, so only one
 * instance can bind a target's port; the others report it in the target's {@code listeners}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSimulatorProcessTest {
    static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    /** The stated bound is a second; one more for a loaded build machine. */
    private static final Duration FOLLOWS_WITHIN = Duration.ofSeconds(2);
    private static final List<CliRun.Started> processes = new ArrayList<>();
    private static final List<Http> nodes = new ArrayList<>();
    private static String database;
    private static TestUpstream upstream;

    @BeforeAll
    static void startThreeInstances() throws Exception {
        database = TestDatabases.postgresql();
        upstream = new TestUpstream();
        for (int i = 0; i < 3; i++) {
            startInstance();
        }
        for (Http node : nodes) {
            awaitHealthy(node);
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
        upstream.close();
    }

    private static Http startInstance() throws IOException {
        int port = freePort();
        processes.add(CliRun.start(database, Map.of("PORT", Integer.toString(port), "UPBEAT_HOST", "127.0.0.1",
                "UPBEAT_ADMIN_TOKEN", TestUpbeat.ADMIN_TOKEN, "UPBEAT_SIM_LEASE", "PT5S"), "serve"));
        Http node = new Http("http://127.0.0.1:" + port);
        nodes.add(node);
        return node;
    }

    private static void awaitHealthy(Http node) {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> node.get("/healthz").status() == 200);
    }

    @Test
    @Order(1)
    void a_target_created_changed_and_deleted_through_different_instances_follows_on_all_of_them() throws Exception {
        int first = freePort();
        Http.Response created = nodes.get(1).post("/api/v1/simulator/targets",
                "{\"name\":\"shared\",\"listen\":\"127.0.0.1:" + first + "\",\"upstream\":\"" + upstream.url() + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // Every instance tried to open it: B holds the port, A and C say, each for itself, that it is in use.
        awaitListeners("shared", first);
        assertThat(RawHttp.get(first, "/echo", 5_000).text()).startsWith("HTTP/1.1 201 ").containsIgnoringCase("X-Upstream: yes");

        // A change (the API re-creates a target) through C: the old port closes everywhere, the new one serves.
        int second = freePort();
        assertThat(nodes.get(2).delete("/api/v1/simulator/targets/shared").status()).isEqualTo(204);
        Http.Response changed = nodes.get(2).post("/api/v1/simulator/targets",
                "{\"name\":\"shared\",\"listen\":\"127.0.0.1:" + second + "\",\"upstream\":\"" + upstream.url() + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        awaitListeners("shared", second);
        await().atMost(FOLLOWS_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> refused(first));
        assertThat(RawHttp.get(second, "/echo", 5_000).text()).startsWith("HTTP/1.1 201 ").containsIgnoringCase("X-Upstream: yes");

        // Deleted through A, which never held a port of it: closed everywhere.
        assertThat(nodes.get(0).delete("/api/v1/simulator/targets/shared").status()).isEqualTo(204);
        await().atMost(FOLLOWS_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> refused(second));
        for (Http node : nodes) {
            assertThat(node.get("/api/v1/simulator/targets/shared", AUTH).status()).isEqualTo(404);
        }
    }

    /** On every instance, the target's listeners: one instance listening, each of the others refused the port. */
    private static void awaitListeners(String target, int port) {
        await().atMost(FOLLOWS_WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (Http node : nodes) {
                JsonNode listeners = node.get("/api/v1/simulator/targets/" + target, AUTH).json().get("listeners");
                assertThat(listeners.findValuesAsText("state")).as(listeners.toString())
                        .containsExactlyInAnyOrder("listening", "failed", "failed");
                assertThat(listeners.findValuesAsText("error")).as(listeners.toString())
                        .containsOnly("null", "address in use: 127.0.0.1:" + port);
            }
        });
    }

    @Test
    @Order(2)
    void a_fourth_instance_leaves_a_simulation_and_a_drill_running_and_a_clean_stop_of_their_owner_hands_them_over()
            throws Exception {
        Http a = nodes.get(0);
        int steadyPort = freePort();
        int drilledPort = freePort();
        assertThat(a.post("/api/v1/simulator/targets", "{\"name\":\"steady\",\"listen\":\"127.0.0.1:" + steadyPort + "\"}")
                .status()).isEqualTo(201);
        assertThat(a.post("/api/v1/simulator/targets", "{\"name\":\"drilled\",\"listen\":\"127.0.0.1:" + drilledPort
                + "\",\"upstream\":\"" + upstream.url() + "\"}").status()).isEqualTo(201);
        Http.Response started = a.post("/api/v1/simulator/targets/steady/simulations",
                "{\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT45S\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String run = "/api/v1/simulator/simulations/" + started.json().get("id").asLong();
        Instant endsAt = Instant.parse(started.json().get("ends_at").asText());

        // The app under check survives its dependency's outage from its cache: a drill that should pass.
        try (DependentApp app = new DependentApp("http://127.0.0.1:" + drilledPort + "/bytes?n=12", true)) {
            Http.Response drillStarted = a.post("/api/v1/drills", """
                    {"target":"drilled","faults":[{"type":"maintenance"}],"duration":"PT45S","interval":"PT1S","recovery":"PT10S",
                     "checks":[{"url":"%s","expect_status":[200]}]}""".formatted(app.healthUrl()));
            assertThat(drillStarted.status()).as(drillStarted.toString()).isEqualTo(201);
            String drill = "/api/v1/drills/" + drillStarted.json().get("id").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> !a.get("/api/v1/simulator/targets/drilled", AUTH).json()
                    .get("live_simulation").isNull());
            String drillRun = "/api/v1/simulator/simulations/"
                    + a.get("/api/v1/simulator/targets/drilled", AUTH).json().get("live_simulation").get("id").asLong();

            Http d = startInstance();
            awaitHealthy(d);
            // Longer than a lease: the new instance must not take A's renewed work for orphans.
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> allRunning(run, drillRun, drill));
            for (Http node : nodes) {
                JsonNode listeners = node.get("/api/v1/simulator/targets/steady", AUTH).json().get("listeners");
                assertThat(listeners.findValuesAsText("state")).as(listeners.toString())
                        .containsExactlyInAnyOrder("listening", "failed", "failed", "failed");
            }
            assertMaintenance(steadyPort);
            assertThat(Instant.now()).as("A stops with time left in the simulation for the others to carry on")
                    .isBefore(endsAt.minusSeconds(15));

            // A rolling restart: SIGTERM to the owner. Its work is handed over, not interrupted.
            CliRun.Started owner = processes.get(0);
            owner.process().destroy();
            assertThat(owner.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<Http> survivors = nodes.subList(1, nodes.size());
            for (Http node : survivors) {
                assertThat(node.get(run, AUTH).json().get("ended_at").isNull()).as("the simulation goes on").isTrue();
                assertThat(node.get(drill, AUTH).json().get("verdict").asText()).isEqualTo("running");
            }
            // A freed the port and withdrew its report; a survivor takes the port at its next tick and serves the faults.
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> RawHttp.get(steadyPort, "/", 2_000).text().startsWith("HTTP/1.1 503 "));
            assertMaintenance(steadyPort);

            for (String r : List.of(run, drillRun)) {
                await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !survivors.get(0).get(r, AUTH).json().get("ended_at").isNull());
                JsonNode ended = survivors.get(1).get(r, AUTH).json();
                assertThat(ended.get("end_reason").asText()).as(ended.toString()).isEqualTo("expired");
            }
            JsonNode ended = survivors.get(1).get(run, AUTH).json();
            assertThat(Duration.between(endsAt, Instant.parse(ended.get("ended_at").asText())))
                    .as("ended at its planned end, by a survivor's tick").isBetween(Duration.ZERO, Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !survivors.get(2).get(drill, AUTH).json().get("verdict").asText().equals("running"));
            JsonNode report = survivors.get(2).get(drill, AUTH).json();
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("pass");
            assertThat(report.get("timeline").toString()).contains("taken over by instance").doesNotContain("interrupted");
            JsonNode during = report.get("checks").get(0).get("phases").get("during");
            // About one a second for 45 s, from A and then from the instance that took over.
            assertThat(during.get("attempts").asInt()).as(during.toString()).isGreaterThanOrEqualTo(30);
            assertThat(during.get("successes").asInt()).isEqualTo(during.get("attempts").asInt());
            assertThat(Files.readString(owner.err(), StandardCharsets.UTF_8))
                    .contains("Handed 2 live simulation(s) over to the other instances").contains("handed over to the other instances");
        }
    }

    private static boolean allRunning(String run, String drillRun, String drill) {
        for (Http node : nodes) {
            if (!node.get(run, AUTH).json().get("ended_at").isNull() || !node.get(drillRun, AUTH).json().get("ended_at").isNull()
                    || !node.get(drill, AUTH).json().get("verdict").asText().equals("running")) {
                return false;
            }
        }
        return true;
    }

    private static void assertMaintenance(int port) throws IOException {
        RawHttp.Exchange answer = RawHttp.get(port, "/", 5_000);
        assertThat(answer.text()).startsWith("HTTP/1.1 503 ").contains("maintenance");
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
