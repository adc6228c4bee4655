package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.Main;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code upbeat status} against a real Upbeat on a local port, as an operator runs it. */
class StatusCommandTest {
    static TestUpbeat t;
    static String base;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        base = "http://127.0.0.1:" + t.upbeat.port();
        assertThat(t.http.post("/api/v1/components", "{\"name\":\"Router\",\"group\":\"Apps\"}").status()).isEqualTo(201);
        assertThat(t.http.post("/api/v1/components", "{\"name\":\"Postgres\",\"group\":\"Data\"}").status()).isEqualTo(201);
        long id = t.http.post("/api/v1/incidents", """
                {"title":"Elevated router errors","message":"We are **investigating**.","components":{"router":"major_outage"}}""")
                .json().get("id").asLong();
        assertThat(t.http.post("/api/v1/incidents/" + id + "/updates", "{\"status\":\"identified\",\"message\":\"Found it.\"}")
                .status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void prints_one_line_per_system_then_the_open_incident_with_its_updates() {
        Run r = run(Main.commandLine(), "status", "--url", base);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Apps: Red\nData: No known issues at this time.\n");
        assertThat(r.out()).contains("=== Elevated router errors").contains("https://status.example.test/incidents/");
        assertThat(r.out().indexOf("update ")).as("newest first").isLessThan(r.out().indexOf("issue "));
        assertThat(r.out()).contains("  Found it.\n").contains("  We are investigating.\n").contains("just now");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void says_how_long_ago_each_update_was_posted() {
        String posted = t.http.get("/api/v4/current-status").json().get("incidents").get(0).get("updates").get(0)
                .get("updated_at").asText();
        Clock later = Clock.fixed(Instant.parse(posted).plus(Duration.ofMinutes(125)).plusSeconds(20), ZoneOffset.UTC);

        Run r = run(new CommandLine(new StatusCommand(later)), "--url", base + "/");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(posted + "  (2 h 5 min ago)");
    }

    @Test
    void json_prints_the_answer_verbatim() {
        Run r = run(Main.commandLine(), "status", "--json", "--url", base);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(t.http.get("/api/v4/current-status").body() + "\n");
    }

    @Test
    void an_unreachable_server_is_one_clear_line_on_stderr_and_exit_1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run r = run(Main.commandLine(), "status", "--url", "http://127.0.0.1:" + closedPort);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("upbeat: cannot reach http://127.0.0.1:" + closedPort + "/api/v4/current-status: ")
                .hasLineCount(1);
    }

    @Test
    void an_answer_other_than_2xx_is_refused_with_its_status() {
        Run r = run(Main.commandLine(), "status", "--url", base + "/not-here");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("upbeat: " + base + "/not-here/api/v4/current-status answered HTTP 404; is this an Upbeat page?\n");
        assertThat(run(Main.commandLine(), "status", "--url", "ftp://x").err()).contains("--url must be an http or https address");
    }

    @Test
    void durations_read_like_a_person_would_say_them() {
        assertThat(StatusReport.ago(Duration.ofSeconds(30))).isEqualTo("just now");
        assertThat(StatusReport.ago(Duration.ofSeconds(-30))).isEqualTo("just now");
        assertThat(StatusReport.ago(Duration.ofMinutes(7))).isEqualTo("7 min ago");
        assertThat(StatusReport.ago(Duration.ofMinutes(125))).isEqualTo("2 h 5 min ago");
        assertThat(StatusReport.ago(Duration.ofHours(76))).isEqualTo("3 d 4 h ago");
    }

    @Test
    void without_url_it_reads_the_server_this_environment_runs_on_PORT() throws Exception {
        CliRun r = CliRun.of(TestDatabases.sqlite(), Map.of("PORT", Integer.toString(t.upbeat.port())), "status");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Apps: Red\n");
    }
}
