package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code upbeat sim} as an operator runs it: its own JVM, configured by environment variables. */
class SimProcessTest {
    static final String HEROKU_BODY = "{ \"id\": \"maintenance\", \"message\": \"Heroku API is temporarily unavailable.\\n"
            + "For more information, visit: https://status.heroku.com\" }";

    @Test
    void sim_serve_maintenance_answers_like_api_maintenance_sim_for_any_method_and_path() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Started server = CliRun.start("jdbc:sqlite:/nonexistent/never-opened.db", Map.of("PORT", Integer.toString(port)),
                "sim", "serve", "--maintenance");
        try {
            int p = port;
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> RawHttp.get(p, "/", 2_000).text().startsWith("HTTP/1.1 503"));
            RawHttp.Exchange get = RawHttp.get(port, "/apps/my-app/config-vars?x=1", 5_000);
            assertThat(get.text()).startsWith("HTTP/1.1 503 Service Unavailable\r\n").contains("\r\nContent-Type: application/json\r\n");
            assertThat(get.body()).isEqualTo(HEROKU_BODY);
            RawHttp.Exchange post = RawHttp.send(port, "POST /whatever HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 5_000);
            assertThat(post.body()).isEqualTo(HEROKU_BODY);
            RawHttp.Exchange delete = RawHttp.send(port, "DELETE /apps/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
            assertThat(delete.text()).startsWith("HTTP/1.1 503");
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
    }

    @Test
    void sim_commands_drive_a_running_upbeat_through_its_api() throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();
            CliRun added = CliRun.of(db, env, "sim", "targets", "--add", "platform-api", "--listen", "127.0.0.1:0");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("\"name\" : \"platform-api\"");

            CliRun started = CliRun.of(db, env, "sim", "start", "platform-api", "--fault", "maintenance",
                    "--fault", "{\"type\":\"latency\",\"delay\":\"PT0.01S\"}", "--duration", "PT5M");
            assertThat(started.exit()).as(started.err()).isZero();
            String id = started.out().strip();
            assertThat(CliRun.of(db, env, "sim", "targets").out()).contains("platform-api").contains("simulation " + id);
            assertThat(CliRun.of(db, env, "sim", "stop", id).out()).contains("Simulation " + id + " stopped");
            assertThat(CliRun.of(db, env, "sim", "runs", "--target", "platform-api").out()).contains("stopped");
            CliRun scheduled = CliRun.of(db, env, "sim", "schedule", "platform-api", "--cron", "0 10 * * 2", "--zone", "Europe/Paris",
                    "--duration", "PT15M", "--fault", "maintenance");
            assertThat(scheduled.out()).contains("Schedule 1 created");
            CliRun drill = CliRun.of(db, env, "drill", "run", "platform-api", "--check", "http://127.0.0.1:" + t.upbeat.port() + "/healthz",
                    "--duration", "PT1S", "--interval", "PT0.2S", "--notice", "cli drill");
            assertThat(drill.exit()).as(drill.err()).isZero();
            assertThat(drill.out()).contains("**PASS**").contains("Private notice: cli drill");
            assertThat(CliRun.of(db, env, "drill", "show", "1", "--json").out()).contains("\"verdict\" : \"pass\"");
            CliRun refused = CliRun.of(db, env, "sim", "start", "platform-api", "--fault", "explode");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("422").contains("faults[0].type must be one of maintenance");
        }
    }

    @Test
    void sim_commands_make_a_tcp_target_and_apply_toxics() throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();
            CliRun added = CliRun.of(db, env, "sim", "targets", "--add", "cache", "--kind", "tcp", "--listen", "127.0.0.1:0",
                    "--upstream", "127.0.0.1:6379");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("\"kind\" : \"tcp\"").contains("\"upstream\" : \"127.0.0.1:6379\"");
            CliRun wrong = CliRun.of(db, env, "sim", "start", "cache", "--fault", "maintenance");
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.err()).contains("422").contains("is a tcp target");
            CliRun started = CliRun.of(db, env, "sim", "start", "cache", "--toxic", "reset_peer",
                    "--toxic", "{\"type\":\"latency\",\"stream\":\"upstream\",\"attributes\":{\"latency\":5}}", "--duration", "PT5M");
            assertThat(started.exit()).as(started.err()).isZero();
            String id = started.out().strip();
            assertThat(CliRun.of(db, env, "sim", "targets").out()).contains("cache").contains("tcp").contains("simulation " + id);
            assertThat(CliRun.of(db, env, "sim", "stop", id).out()).contains("Simulation " + id + " stopped");
            CliRun scheduled = CliRun.of(db, env, "sim", "schedule", "cache", "--cron", "0 10 * * 2", "--zone", "Europe/Paris",
                    "--duration", "PT15M", "--toxic", "timeout");
            assertThat(scheduled.exit()).as(scheduled.err()).isZero();
            assertThat(scheduled.out()).contains("created");
        }
    }
}
