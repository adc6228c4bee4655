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

/** The board's drafts and notice over HTTP: written, refused beside the field, edited, posted once, audited; the notice published. */
class DraftPagesTest {
    static final String PASSWORD = "a long enough password";
    static TestUpbeat t;
    static String advisory;
    static String board;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        Http http = t.http;
        http.post("/api/v1/components", "{\"name\":\"Platform API\"}");
        http.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}");
        Instant disclosure = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        Http.Response r = http.post("/api/v1/advisories", """
                {"title":"CVE-2022-3602 in OpenSSL","severity":"high","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl","vers":"vers:generic/>=3.0.0|<3.0.7"}]}""".formatted(disclosure));
        advisory = r.json().get("id").asText();
        board = "/admin/advisories/" + advisory;
        t.upbeat.admin().users().add("editor@example.com", "editor", PASSWORD);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void an_editor_writes_edits_and_posts_a_draft_once() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        assertThat(editor.get(board).body()).contains("id=\"drafts-title\"", "New draft");

        Http.Response refused = editor.post(board + "/drafts", Map.of("kind", "incident", "title", " ", "message", "x"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"new-draft-title-error\"", "title is required");

        Http.Response added = editor.post(board + "/drafts", Map.of("kind", "incident", "title", "Applying the OpenSSL fix",
                "message", "Restarts <b>one node</b> at a time.", "schedule", "disclosure"));
        assertThat(added.status()).isEqualTo(303);
        String page = editor.get(board).body();
        assertThat(page).contains("Applying the OpenSSL fix", "Posts at disclosure", "name=\"component.platform-api\"")
                .doesNotContain("<b>one node</b>");
        String draft = t.upbeat.drafts().list(Long.parseLong(advisory)).get(0).id() + "";

        Http.Response edited = editor.post(board + "/drafts/" + draft, Map.of("title", "Applying the OpenSSL 3.0.7 fix", "message",
                "Restarts one node at a time.", "component.platform-api", "degraded_performance", "impact", "minor", "schedule", "hand"));
        assertThat(edited.status()).isEqualTo(303);
        assertThat(editor.get(board).body()).contains("Applying the OpenSSL 3.0.7 fix", "Posted by hand only");

        Http.Response posted = editor.post(board + "/drafts/" + draft + "/post", Map.of());
        assertThat(posted.status()).isEqualTo(303);
        long incident = t.upbeat.drafts().get(Long.parseLong(advisory), Long.parseLong(draft)).incidentId();
        assertThat(editor.get(board).body()).contains("by editor@example.com as incident " + incident,
                "href=\"/admin/incidents/" + incident + "\"");
        assertThat(t.upbeat.snapshots().current().incident(incident).orElseThrow().components())
                .extracting(c -> c.componentId() + "=" + c.status().wire()).containsExactly("platform-api=degraded_performance");

        Http.Response again = editor.post(board + "/drafts/" + draft + "/post", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("a posted draft cannot change or post again");
        assertThat(t.upbeat.admin().audit().latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("advisory.draft.post");
            assertThat(e.subject()).isEqualTo("advisory " + advisory + " / draft " + draft);
            assertThat(e.actor()).isEqualTo("editor@example.com");
        });
    }

    @Test
    void an_editor_publishes_and_takes_down_the_notice() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        Http.Response saved = editor.post(board + "/notice", Map.of("text", "We are aware of CVE-2022-3602 <img src=x onerror=alert(1)>; "
                + "we are *not affected*."));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(editor.get(board).body()).contains("Not published.").doesNotContain("<img src=x");
        assertThat(t.http.get("/").body()).doesNotContain("CVE-2022-3602");

        assertThat(editor.post(board + "/notice", Map.of("text", "We are aware of CVE-2022-3602; we are *not affected*.",
                "published", "on")).status()).isEqualTo(303);
        assertThat(editor.get(board).body()).contains("<strong>Published</strong> since");
        assertThat(t.http.get("/").body()).contains("We are aware of CVE-2022-3602; we are <em>not affected</em>.");

        Http.Response blank = editor.post(board + "/notice", Map.of("text", " ", "published", "on"));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"notice-text-error\"");
        assertThat(editor.post(board + "/notice", Map.of("remove", "1")).status()).isEqualTo(303);
        assertThat(t.http.get("/").body()).doesNotContain("CVE-2022-3602");
        assertThat(t.upbeat.admin().audit().latest(10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("advisory.notice"));
    }
}
