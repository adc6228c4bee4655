package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Three {@code upbeat serve} processes on one PostgreSQL, each with its own timer that posts the
 * drafts due at an advisory's disclosure: the draft becomes exactly one incident, every instance
 * serves it, and none of them logs an error about the ones that lost the race.
 */
class DraftPostingClusterProcessTest {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    private static final String TITLE = "Applying the OpenSSL 3.0 security fix";

    @Test
    void a_draft_due_at_disclosure_is_posted_once_by_three_instances() throws Exception {
        String db = TestDatabases.postgresql();
        List<CliRun.Started> processes = new ArrayList<>();
        List<Http> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                processes.add(CliRun.start(db, Map.of("PORT", Integer.toString(port), "UPBEAT_HOST", "127.0.0.1",
                        "UPBEAT_ADMIN_TOKEN", TestUpbeat.ADMIN_TOKEN), "serve"));
                nodes.add(new Http("http://127.0.0.1:" + port));
            }
            for (Http node : nodes) {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> node.get("/healthz").status() == 200);
            }
            Http first = nodes.get(0);
            assertThat(first.post("/api/v1/components", "{\"name\":\"Platform API\"}").status()).isEqualTo(201);
            assertThat(first.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status())
                    .isEqualTo(201);
            // Far enough ahead that the draft is stored before it is due, near enough for a short test.
            Instant disclosure = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
            Http.Response advisory = first.post("/api/v1/advisories", """
                    {"title":"OpenSSL 3.0 fix","severity":"high","disclosure_at":"%s","affected":[{"purl":"pkg:generic/openssl"}]}"""
                    .formatted(disclosure));
            assertThat(advisory.status()).as(advisory.toString()).isEqualTo(201);
            long id = advisory.json().get("id").asLong();
            Http.Response draft = first.post("/api/v1/advisories/" + id + "/drafts", """
                    {"kind":"incident","title":"%s","message":"We are applying the fix.","post_at_disclosure":true}"""
                    .formatted(TITLE));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            String draftPath = "/api/v1/advisories/" + id + "/drafts/" + draft.json().get("id").asLong();

            Http last = nodes.get(2);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !last.get(draftPath, ClusterProcessTest.AUTH).json().get("posted_at").isNull());
            // Two more turns of every instance's 5 s timer: a losing instance must not post it again.
            for (Http node : nodes) {
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15))
                        .until(() -> incidentsTitled(node) == 1);
            }
            JsonNode posted = last.get(draftPath, ClusterProcessTest.AUTH).json();
            assertThat(posted.get("incident_id").isNull()).as(posted.toString()).isFalse();
            assertThat(posted.get("post_error").isNull()).as(posted.toString()).isTrue();
        } finally {
            for (CliRun.Started p : processes) {
                p.process().destroy();
            }
        }
        for (CliRun.Started p : processes) {
            assertThat(p.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(p.err(), StandardCharsets.UTF_8);
            assertThat(log).as("an instance's log").contains("Upbeat stopped").doesNotContain(" ERROR ").doesNotContain(" WARN ");
            assertThat(STACK_FRAME.matcher(log).find()).as("a stack trace in an instance's log:%n%s", log).isFalse();
        }
    }

    private static long incidentsTitled(Http node) {
        long n = 0;
        for (JsonNode incident : node.get("/api/v1/incidents").json()) {
            if (TITLE.equals(incident.path("title").asText())) {
                n++;
            }
        }
        return n;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
