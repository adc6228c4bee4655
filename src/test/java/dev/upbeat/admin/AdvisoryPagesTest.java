package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The response board over HTTP: list, countdown, exposure, action items moved by an editor and audited, the exports. */
class AdvisoryPagesTest {
    static final String PASSWORD = "a long enough password";
    static TestUpbeat t;
    static String advisory;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        Http http = t.http;
        http.post("/api/v1/components", "{\"name\":\"Platform API\"}");
        http.post("/api/v1/components", "{\"name\":\"Scheduler\"}");
        Http.Response owned = http.patch("/api/v1/components/platform-api",
                "{\"owner\":{\"team\":\"API team\",\"channel\":\"email\",\"address\":\"api@example.test\"},\"tier\":1,"
                        + "\"exposure\":\"internet\"}");
        assertThat(owned.status()).as(owned.toString()).isEqualTo(200);
        http.patch("/api/v1/components/scheduler", "{\"tier\":3,\"exposure\":\"internal\"}");
        http.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}");
        http.post("/api/v1/components/scheduler/packages", "{\"purl\":\"pkg:generic/openssl@3.0.1\"}");
        Instant disclosure = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2)).plus(Duration.ofHours(5));
        Http.Response r = http.post("/api/v1/advisories", """
                {"title":"CVE-2022-3602 in OpenSSL","severity":"high","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl","vers":"vers:generic/>=3.0.0|<3.0.7"}]}""".formatted(disclosure));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        advisory = r.json().get("id").asText();
        t.upbeat.admin().users().add("editor@example.com", "editor", PASSWORD);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static AdminClient editor() {
        return AdminClient.signedIn(t, "editor@example.com", PASSWORD);
    }

    private static String actionId(String component) {
        Http.Response r = t.http.get("/api/v1/advisories/" + advisory + "/actions", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
        for (var a : r.json().get("actions")) {
            if (a.get("component").asText().equals(component)) {
                return a.get("id").asText();
            }
        }
        throw new AssertionError(component + " has no action item: " + r.body());
    }

    @Test
    void signed_out_requests_go_to_sign_in() {
        AdminClient anonymous = new AdminClient("http://127.0.0.1:" + t.upbeat.port());
        for (String path : new String[] {"/admin/advisories", "/admin/advisories/" + advisory,
                "/admin/advisories/" + advisory + "/review.csv"}) {
            Http.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(303);
            assertThat(r.header("Location")).as(path).startsWith("/admin/sign-in");
        }
    }

    @Test
    void the_board_shows_countdown_exposure_by_priority_and_items_with_owners() {
        AdminClient editor = editor();
        Http.Response list = editor.get("/admin/advisories");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("CVE-2022-3602 in OpenSSL", "of 2 done", "aria-current=\"page\">Advisories");

        String board = editor.get("/admin/advisories/" + advisory).body();
        assertThat(board).contains("disclosure in 2 d 4 h", "<td>Platform API</td><td>API team</td>",
                "<td>Scheduler</td><td>no owner</td>");
        assertThat(board.indexOf("<td>Platform API</td><td>Exposed</td>", board.indexOf("exposure-title")))
                .as("tier 1 on the internet before tier 3 internal").isLessThan(board.indexOf("<td>Scheduler</td><td>Exposed</td>",
                        board.indexOf("exposure-title")));
        assertThat(editor.get("/admin/advisories/999").status()).isEqualTo(404);
    }

    @Test
    void an_editor_moves_items_wont_fix_needs_a_reason_every_move_is_audited_and_exported() {
        AdminClient editor = editor();
        editor.get("/admin/advisories/" + advisory);
        String scheduler = actionId("scheduler");

        Http.Response refused = editor.post("/admin/advisories/" + advisory + "/actions/" + scheduler, Map.of("state", "wont_fix"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"reason-" + scheduler + "-error\"", "wont_fix needs a reason");

        Http.Response moved = editor.post("/admin/advisories/" + advisory + "/actions/" + scheduler,
                Map.of("state", "wont_fix", "reason", "Retired on Friday, =1+1"));
        assertThat(moved.status()).isEqualTo(303);
        Http.Response done = editor.post("/admin/advisories/" + advisory + "/actions/" + actionId("platform-api"),
                Map.of("state", "done"));
        assertThat(done.status()).isEqualTo(303);

        assertThat(editor.get("/admin/advisories/" + advisory).body()).contains("1 of 2 done, 1 won't fix", "Won't fix: Retired on Friday",
                "editor@example.com");
        assertThat(t.upbeat.admin().audit().latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("advisory.action");
            assertThat(e.subject()).isEqualTo("advisory " + advisory + " / scheduler");
            assertThat(e.actor()).isEqualTo("editor@example.com");
        });

        Http.Response csv = editor.get("/admin/advisories/" + advisory + "/review.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("advisory,component,team,state,due_at,overdue,done_by,done_at,reason\r\n")
                .contains(",scheduler,,wont_fix,").contains("\"Retired on Friday, =1+1\"")
                .contains(",platform-api,API team,done,").contains(",editor@example.com,");
        Http.Response md = editor.get("/admin/advisories/" + advisory + "/review.md");
        assertThat(md.body()).startsWith("# CVE-2022-3602 in OpenSSL\n").contains("- Progress: 1 of 2 done, 1 won't fix")
                .contains("| Platform API | API team | done |").contains("## Exposure");
    }
}
