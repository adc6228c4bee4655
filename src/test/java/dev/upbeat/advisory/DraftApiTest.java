package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drafts through the API: prefilled from the triage, changed, refused naming the field, posted
 * once as a real incident that reaches a subscriber's mailbox; and the public notice on the page.
 */
class DraftApiTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestUpbeat t;
    static Http http;
    static String advisory;
    static final Instant DISCLOSURE = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3));

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "UPBEAT_MAIL_FROM", "Example Status <status@example.test>", "UPBEAT_DELIVERY_POLL", "PT0.2S"));
        http = t.http;
        for (String name : new String[] {"Checkout", "Gateway", "Docs"}) {
            assertThat(http.post("/api/v1/components", "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
        }
        assertThat(http.post("/api/v1/components/checkout/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/components/gateway/packages", "{\"purl\":\"pkg:generic/openssl@1.1.1t\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/components/docs/packages", "{\"purl\":\"pkg:generic/nginx@1.25.0\"}").status()).isEqualTo(201);
        Http.Response created = http.post("/api/v1/advisories", """
                {"title":"OpenSSL 3.0 fix","severity":"critical","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl","vers":"vers:generic/>=3.0.0|<3.0.7"},{"purl":"pkg:generic/libssl"}]}"""
                .formatted(DISCLOSURE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        advisory = created.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static String drafts() {
        return "/api/v1/advisories/" + advisory + "/drafts";
    }

    @Test
    void a_draft_without_components_names_the_exposed_ones_and_changes_until_posted() {
        Http.Response created = http.post(drafts(), """
                {"kind":"incident","title":"OpenSSL security update","message":"We are applying the **OpenSSL** fix.",
                 "post_at_disclosure":true}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.json();
        assertThat(created.header("Location")).isEqualTo(drafts() + "/" + d.get("id").asText());
        assertThat(d.get("components").properties()).extracting(Map.Entry::getKey).containsExactly("checkout");
        assertThat(d.get("components").get("checkout").asText()).isEqualTo("operational");
        assertThat(Instant.parse(d.get("due_at").asText())).isEqualTo(DISCLOSURE);
        assertThat(d.get("posted_at").isNull()).isTrue();

        Http.Response changed = http.patch(drafts() + "/" + d.get("id").asText(), """
                {"title":"OpenSSL update","components":{"checkout":"degraded_performance","gateway":"operational"},"impact":"minor",
                 "post_at_disclosure":false}""");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("title").asText()).isEqualTo("OpenSSL update");
        assertThat(changed.json().get("message").asText()).as("left as it was").isEqualTo("We are applying the **OpenSSL** fix.");
        assertThat(changed.json().get("components").get("gateway").asText()).isEqualTo("operational");
        assertThat(changed.json().get("due_at").isNull()).as("posted only by hand now").isTrue();

        JsonNode listed = authed(drafts()).json().get("drafts");
        assertThat(listed).extracting(x -> x.get("id").asLong()).contains(d.get("id").asLong());
        assertThat(http.delete(drafts() + "/" + d.get("id").asText()).status()).isEqualTo(204);
        assertThat(authed(drafts() + "/" + d.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void a_maintenance_draft_takes_its_window_from_the_disclosure() {
        Http.Response created = http.post(drafts(), "{\"kind\":\"maintenance\",\"title\":\"Patching OpenSSL\",\"message\":\"Short restarts.\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("scheduled_for").asText())).isEqualTo(DISCLOSURE);
        assertThat(Instant.parse(created.json().get("scheduled_until").asText())).isEqualTo(DISCLOSURE.plus(Duration.ofHours(1)));
        assertThat(created.json().get("components").get("checkout").asText()).isEqualTo("under_maintenance");

        Http.Response posted = http.post(drafts() + "/" + created.json().get("id").asText() + "/post", "");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        long maintenance = posted.json().get("maintenance_id").asLong();
        assertThat(posted.json().get("incident_id").isNull()).isTrue();
        JsonNode window = http.get("/api/v1/maintenances").json();
        assertThat(window.toString()).contains("Patching OpenSSL").contains("\"id\":" + maintenance);
    }

    @Test
    void bad_drafts_are_refused_naming_the_field() {
        assertRefused(http.post(drafts(), "{\"kind\":\"tweet\",\"title\":\"x\",\"message\":\"y\"}"), 422, "kind");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"message\":\"y\"}"), 422, "title");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"colour\":\"red\"}"), 400, "colour");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"status\":\"postmortem\"}"), 422,
                "status");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"components\":{\"nope\":\"major_outage\"}}"),
                422, "components.nope");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"components\":{\"docs\":\"on_fire\"}}"),
                422, "components.docs");
        assertRefused(http.post(drafts(), "{\"kind\":\"maintenance\",\"title\":\"x\",\"message\":\"y\",\"components\":{\"docs\":\"major_outage\"}}"),
                422, "components.docs");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"scheduled_for\":\"2030-01-01T00:00:00Z\"}"),
                422, "scheduled_for");
        assertRefused(http.post(drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\",\"post_at\":\"soon\"}"), 400, "post_at");
        assertRefused(http.post(drafts(), """
                {"kind":"incident","title":"x","message":"y","post_at":"2030-01-01T00:00:00Z","post_at_disclosure":true}"""), 422, "post_at");
        assertThat(http.post("/api/v1/advisories/999999/drafts", "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\"}").status())
                .isEqualTo(404);
        Http.Response noToken = http.raw("POST", drafts(), "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\"}",
                "Content-Type", "application/json", "Accept", "application/json");
        assertThat(noToken.status()).isEqualTo(401);
        Http.Response kindChange = http.patch(drafts() + "/" + http.post(drafts(),
                "{\"kind\":\"incident\",\"title\":\"x\",\"message\":\"y\"}").json().get("id").asText(), "{\"kind\":\"maintenance\"}");
        assertRefused(kindChange, 422, "kind");
    }

    @Test
    void posting_opens_the_incident_with_its_components_mails_the_subscriber_and_cannot_post_twice() throws Exception {
        assertThat(http.post("/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"ada@example.test\",\"confirmed\":true}").status())
                .isEqualTo(201);
        Http.Response created = http.post(drafts(), """
                {"kind":"incident","title":"Applying the OpenSSL 3.0.7 fix","message":"Checkout restarts one node at a time.",
                 "components":{"checkout":"degraded_performance"}}""");
        String post = drafts() + "/" + created.json().get("id").asText() + "/post";

        Http.Response posted = http.post(post, "");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("posted_by").asText()).isNotBlank();
        long incident = posted.json().get("incident_id").asLong();
        JsonNode view = http.get("/api/v1/incidents/" + incident).json();
        assertThat(view.get("title").asText()).isEqualTo("Applying the OpenSSL 3.0.7 fix");
        assertThat(view.toString()).contains("checkout").contains("degraded_performance");
        await().atMost(Duration.ofSeconds(10)).until(() -> subjects().contains("[Upbeat Status] New incident: Applying the OpenSSL 3.0.7 fix"));

        Http.Response again = http.post(post, "");
        assertRefused(again, 409, null);
        assertThat(again.json().get("message").asText()).contains("incident " + incident);
        assertRefused(http.patch(drafts() + "/" + created.json().get("id").asText(), "{\"title\":\"late\"}"), 409, null);
        assertRefused(http.delete(drafts() + "/" + created.json().get("id").asText()), 409, null);
    }

    @Test
    void a_published_notice_is_on_the_page_harmless_and_an_unpublished_one_never() {
        String notice = "/api/v1/advisories/" + advisory + "/notice";
        Http.Response draft = http.put(notice, """
                {"text":"We are aware of CVE-2022-3602 <script>alert(1)</script> [more](javascript:alert(2)); **not affected**.",
                 "published":false}""");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().get("published_at").isNull()).isTrue();
        assertThat(http.get("/").body()).doesNotContain("CVE-2022-3602");

        Http.Response published = http.put(notice, draft.json().get("text").toString().transform(text -> "{\"text\":" + text
                + ",\"published\":true}"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("published_at").isNull()).isFalse();
        String page = http.get("/").body();
        assertThat(page).contains("Security notices").contains("We are aware of CVE-2022-3602")
                .contains("<strong>not affected</strong>").doesNotContain("<script>alert(1)").doesNotContain("javascript:");

        assertRefused(http.put(notice, "{\"text\":\"  \",\"published\":true}"), 422, "text");
        assertThat(http.delete(notice).status()).isEqualTo(204);
        assertThat(http.get("/").body()).doesNotContain("CVE-2022-3602");
        assertThat(authed(notice).json().get("text").isNull()).isTrue();
    }

    static Http.Response authed(String path) {
        return http.get(path, "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
    }

    static java.util.List<String> subjects() {
        return java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static void assertRefused(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }
}
