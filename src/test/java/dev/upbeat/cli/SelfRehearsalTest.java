package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Upbeat rehearses its own database outage, as docs/simulator.md tells operators to: one
 * {@code upbeat serve} (the rehearsal instance, on SQLite) holds a tcp target {@code upbeat-db} in
 * front of PostgreSQL; another (the subject) reaches PostgreSQL only through it. A drill resets
 * every connection to the database for a while and checks the subject from outside: the status
 * page and the APIs answer from the snapshot, writes answer 503 at once, and all of it works again
 * by itself once the drill's toxic is gone. A drill that insists on writes working fails.
 */
class SelfRehearsalTest {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    private static final String REHEARSAL_TOKEN = "rehearsal-admin-token";
    private static final String SUBJECT_TOKEN = "subject-admin-token";

    @Test
    void a_drill_cuts_upbeats_own_database_and_the_status_page_rides_it_out() throws Exception {
        URI postgres = URI.create(TestDatabases.postgresql());
        int rehearsalPort = freePort();
        int subjectPort = freePort();
        int proxyPort = freePort();
        CliRun.Started rehearsal = CliRun.start(TestDatabases.sqlite(), Map.of("PORT", Integer.toString(rehearsalPort),
                "UPBEAT_HOST", "127.0.0.1", "UPBEAT_ADMIN_TOKEN", REHEARSAL_TOKEN), "serve");
        CliRun.Started subject = null;
        try {
            Http sim = new Http("http://127.0.0.1:" + rehearsalPort);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> sim.get("/healthz").status() == 200);
            Http.Response target = sim.raw("POST", "/api/v1/simulator/targets", """
                    {"name":"upbeat-db","kind":"tcp","listen":"127.0.0.1:%d","upstream":"localhost:%d"}"""
                    .formatted(proxyPort, postgres.getPort()), auth(REHEARSAL_TOKEN));
            assertThat(target.status()).as(target.toString()).isEqualTo(201);

            subject = CliRun.start("postgres://postgres:postgres@127.0.0.1:" + proxyPort + postgres.getPath(),
                    Map.of("PORT", Integer.toString(subjectPort), "UPBEAT_HOST", "127.0.0.1", "UPBEAT_ADMIN_TOKEN", SUBJECT_TOKEN), "serve");
            Http app = new Http("http://127.0.0.1:" + subjectPort);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> app.get("/healthz").status() == 200);
            assertThat(app.raw("POST", "/api/v1/components", "{\"name\":\"API\"}", auth(SUBJECT_TOKEN)).status()).isEqualTo(201);
            assertThat(app.raw("POST", "/api/v1/incidents", "{\"title\":\"Slow API\",\"message\":\"Looking.\","
                    + "\"components\":{\"api\":\"degraded_performance\"}}", auth(SUBJECT_TOKEN)).status()).isEqualTo(201);
            String base = "http://127.0.0.1:" + subjectPort;

            long id = startDrill(sim, base, "[200, 503]");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "down".equals(app.get("/healthz").json().get("database").asText()));
            Http.Response refused = app.raw("PATCH", "/api/v1/components/api", "{\"description\":\"During the drill\"}",
                    auth(SUBJECT_TOKEN));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(app.get("/").body()).contains("Slow API").contains("Degraded performance");

            JsonNode report = verdict(sim, id);
            assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("pass");
            assertThat(report.get("faults_injected").get("reset_peer").asLong()).as("connections reset").isPositive();
            for (JsonNode check : report.get("checks")) {
                assertThat(check.get("phases").get("during").get("success_percent").asDouble()).as(check.toString()).isEqualTo(100.0);
            }
            assertThat(report.get("checks").get(3).get("method").asText()).isEqualTo("PATCH");
            String markdown = sim.raw("GET", "/api/v1/drills/" + id + "/report.md", null, auth(REHEARSAL_TOKEN)).body();
            assertThat(markdown).contains("**PASS**").contains("| PATCH " + base + "/api/v1/components/api | during | 100.0%");
            assertThat(report.toString() + markdown).as("a check's header values stay out of reports").doesNotContain(SUBJECT_TOKEN);

            // Writes came back by themselves once the toxic went: nobody restarted the subject.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> app.raw("PATCH",
                    "/api/v1/components/api", "{\"description\":\"After the drill\"}", auth(SUBJECT_TOKEN)).status() == 200);
            assertThat(app.get("/healthz").json().get("database").asText()).isEqualTo("up");

            JsonNode strict = verdict(sim, startDrill(sim, base, "[200]"));
            assertThat(strict.get("verdict").asText()).as("writes cannot work without the database: %s", strict).isEqualTo("fail");
            assertThat(strict.get("checks").get(3).get("phases").get("during").get("success_percent").asDouble()).isLessThan(100.0);
            assertThat(strict.get("checks").get(0).get("phases").get("during").get("success_percent").asDouble()).isEqualTo(100.0);
            assertThat(strict.get("timeline").toString()).contains("check PATCH " + base + "/api/v1/components/api failed: status 503");
            await().atMost(Duration.ofSeconds(15)).until(() -> "up".equals(app.get("/healthz").json().get("database").asText()));
        } finally {
            // The subject first: it reaches its database through the rehearsal instance.
            if (subject != null) {
                subject.process().destroy();
                subject.process().waitFor(30, TimeUnit.SECONDS);
            }
            rehearsal.process().destroy();
        }
        assertThat(rehearsal.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(subject.process().isAlive()).isFalse();
        String log = Files.readString(subject.err(), StandardCharsets.UTF_8);
        assertThat(log).as("the subject's log").contains("Upbeat stopped").doesNotContain(" ERROR ");
        assertThat(STACK_FRAME.matcher(log).find()).as("a stack trace in the subject's log:%n%s", log).isFalse();
        assertThat(count(log, "Database unreachable at ")).as(log).isEqualTo(2);
        assertThat(count(log, "Database reachable again after ")).as(log).isEqualTo(2);
        assertThat(count(log, " WARN ")).as("warnings beyond the two outage lines:%n%s", log).isEqualTo(2);
    }

    /**
     * A drill on {@code upbeat-db}: every connection to PostgreSQL reset for 3 s, with the public
     * reads and one admin write of the subject checked; the write may answer {@code writeStatuses}.
     */
    private static long startDrill(Http sim, String base, String writeStatuses) {
        Http.Response r = sim.raw("POST", "/api/v1/drills", """
                {"target":"upbeat-db","duration":"PT3S","interval":"PT0.5S","recovery":"PT15S",
                 "toxics":[{"type":"reset_peer","stream":"upstream","attributes":{"timeout":0}}],
                 "checks":[
                   {"url":"%1$s/","expect_status":[200],"body_contains":"Slow API"},
                   {"url":"%1$s/api/v2/summary.json","expect_status":[200],"body_contains":"Slow API"},
                   {"url":"%1$s/api/v1/components","expect_status":[200],"body_contains":"API"},
                   {"method":"PATCH","url":"%1$s/api/v1/components/api","headers":{"Authorization":"Bearer %2$s"},
                    "body":"{\\"description\\":\\"Public API\\"}","expect_status":%3$s,"max_latency":"PT3S"},
                   {"url":"%1$s/healthz","expect_status":[200]}],
                 "notice":"Rehearsing a PostgreSQL outage"}""".formatted(base, SUBJECT_TOKEN, writeStatuses), auth(REHEARSAL_TOKEN));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static JsonNode verdict(Http sim, long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !sim.raw("GET", "/api/v1/drills/" + id,
                null, auth(REHEARSAL_TOKEN)).json().get("verdict").asText().equals("running"));
        return sim.raw("GET", "/api/v1/drills/" + id, null, auth(REHEARSAL_TOKEN)).json();
    }

    private static String[] auth(String token) {
        return new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
