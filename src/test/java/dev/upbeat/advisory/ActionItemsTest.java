package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Action items follow the triage: one per exposed or possibly exposed component, to its owner, told
 * by email (GreenMail) or webhook (a real receiver) on assignment and 24 h and 1 h before the due
 * time, each once; a patched SBOM finishes the item with who and when.
 */
class ActionItemsTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    private static final String API_TEAM = "api-team@example.test";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Receiver receiver = new Receiver();
    private TestUpbeat t;
    private Http http;
    private Instant disclosure;

    @BeforeEach
    void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "UPBEAT_MAIL_FROM", "Status <status@example.test>", "UPBEAT_WEBHOOK_ALLOW", "127.0.0.1",
                "UPBEAT_DELIVERY_POLL", "PT0.2S"));
        http = t.http;
        // A served instance's clock runs on from where it is set; the disclosure is a whole second, as sent.
        disclosure = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3));
        ok(http.post("/api/v1/components", "{\"name\":\"Platform API\"}"));
        ok(http.post("/api/v1/components", "{\"name\":\"Dashboard\"}"));
        ok(http.post("/api/v1/components", "{\"name\":\"Scheduler\"}"));
        ok(http.patch("/api/v1/components/platform-api",
                "{\"owner\":{\"team\":\"API\",\"channel\":\"email\",\"address\":\"" + API_TEAM + "\"},\"tier\":1}"));
        ok(http.patch("/api/v1/components/dashboard",
                "{\"owner\":{\"team\":\"Web\",\"channel\":\"webhook\",\"address\":\"https://hooks.example.test/web\"}}"));
        // Owner webhooks must be https; the receiver speaks plain HTTP on loopback, so it is pointed at directly.
        t.upbeat.database().useTransaction(tx -> tx.handle().createUpdate("UPDATE components SET owner_address = :a WHERE id = 'dashboard'")
                .bind("a", receiver.url("/hooks/web")).execute());
        ok(sbom("platform-api", "3.0.5"));
        ok(http.post("/api/v1/components/dashboard/packages", "{\"purl\":\"pkg:generic/openssl@3.0.2\"}"));
    }

    @AfterEach
    void stop() {
        t.close();
        receiver.close();
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }

    private Http.Response sbom(String component, String opensslVersion) {
        String doc = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"app","name":"%s"}},
                 "components":[{"type":"library","bom-ref":"openssl","name":"openssl","version":"%s",
                   "purl":"pkg:generic/openssl@%s"}],
                 "dependencies":[{"ref":"app","dependsOn":["openssl"]}]}""".formatted(component, opensslVersion, opensslVersion);
        return http.raw("PUT", "/api/v1/components/" + component + "/sbom", doc,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN, "Content-Type", "application/vnd.cyclonedx+json");
    }

    private String advisory(String vers) {
        String range = vers == null ? "" : ",\"vers\":\"" + vers + "\"";
        return ok(http.post("/api/v1/advisories", """
                {"title":"OpenSSL 3.0 critical fix","severity":"critical","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl"%s}]}""".formatted(disclosure, range))).json().get("id").asText();
    }

    private JsonNode actions(String advisory) {
        return ok(http.get("/api/v1/advisories/" + advisory + "/actions", AUTH)).json().get("actions");
    }

    private static JsonNode action(JsonNode actions, String component) {
        for (JsonNode a : actions) {
            if (a.get("component").asText().equals(component)) {
                return a;
            }
        }
        throw new AssertionError("no action item for " + component + " in " + actions);
    }

    private List<String> subjectsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(address)).map(ActionItemsTest::subject)
                .toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void one_item_per_exposed_component_told_to_its_owner_once_then_reminded_24_h_and_1_h_before_it_is_due() {
        String id = advisory(null);

        JsonNode items = actions(id);
        assertThat(items).as("possibly exposed: both OpenSSL users; the scheduler has no inventory").hasSize(2);
        JsonNode api = action(items, "platform-api");
        assertThat(api.get("team").asText()).isEqualTo("API");
        assertThat(api.get("state").asText()).isEqualTo("open");
        assertThat(Instant.parse(api.get("due_at").asText())).as("due at the disclosure").isEqualTo(disclosure);
        assertThat(api.get("overdue").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(API_TEAM).size() == 1);
        assertThat(subjectsTo(API_TEAM).get(0)).isEqualTo("Action needed: Platform API and OpenSSL 3.0 critical fix");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests().size() == 1);
        Receiver.Request hook = receiver.requests().get(0);
        assertThat(hook.path()).isEqualTo("/hooks/web");
        assertThat(hook.text()).contains("\"type\":\"owner_notice\"", "Action needed: Dashboard");

        ok(http.put("/api/v1/advisories/" + id, """
                {"title":"OpenSSL 3.0 critical fix","severity":"critical","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl","vers":"vers:generic/>=3.0.0|<3.0.7"}]}""".formatted(disclosure)));
        assertThat(actions(id)).as("triage ran again: the same items, not new ones").hasSize(2)
                .extracting(a -> a.get("id").asLong()).containsExactlyInAnyOrder(api.get("id").asLong(),
                        action(items, "dashboard").get("id").asLong());

        assertThat(t.upbeat.advisories().remindOwners()).as("three days ahead: nothing owed").isZero();
        t.clock.set(disclosure.minus(Duration.ofHours(23)));
        assertThat(t.upbeat.advisories().remindOwners()).as("24 h reminders, API and Web").isEqualTo(2);
        assertThat(t.upbeat.advisories().remindOwners()).as("asked again: already queued").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(API_TEAM).size() == 2);
        assertThat(subjectsTo(API_TEAM).get(1)).isEqualTo("Due in 24 h: Platform API and OpenSSL 3.0 critical fix");

        ok(http.patch("/api/v1/advisories/" + id + "/actions/" + action(items, "dashboard").get("id").asText(),
                "{\"state\":\"done\"}"));
        t.clock.set(disclosure.minus(Duration.ofMinutes(30)));
        assertThat(t.upbeat.advisories().remindOwners()).as("1 h reminder for the unfinished item only").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> subjectsTo(API_TEAM).size() == 3);
        assertThat(subjectsTo(API_TEAM).get(2)).isEqualTo("Due in 1 h: Platform API and OpenSSL 3.0 critical fix");
        assertThat(receiver.requests()).as("Web got its assignment and its 24 h reminder, nothing after done").hasSize(2);

        t.clock.set(disclosure.plus(Duration.ofMinutes(1)));
        assertThat(action(actions(id), "platform-api").get("overdue").asBoolean()).isTrue();
        assertThat(t.upbeat.advisories().remindOwners()).as("past due: no more reminders").isZero();
    }

    @Test
    void a_patched_sbom_finishes_the_item_with_who_and_when_and_a_component_exposed_later_gets_one() {
        String id = advisory("vers:generic/>=3.0.0|<3.0.7");
        t.clock.advance(Duration.ofHours(2));
        Instant before = t.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ok(sbom("platform-api", "3.0.7"));
        Instant after = t.clock.instant();

        JsonNode api = action(actions(id), "platform-api");
        assertThat(api.get("state").asText()).isEqualTo("done");
        assertThat(api.get("done_by").asText()).as("the token that sent the SBOM").isEqualTo("UPBEAT_ADMIN_TOKEN");
        assertThat(Instant.parse(api.get("done_at").asText())).as("when the SBOM came in").isBetween(before, after);
        assertThat(action(actions(id), "dashboard").get("state").asText()).isEqualTo("open");

        ok(http.post("/api/v1/components/scheduler/packages", "{\"purl\":\"pkg:generic/openssl@3.0.1\"}"));
        assertThat(actions(id)).hasSize(3);
        assertThat(action(actions(id), "scheduler").get("team").isNull()).as("no owner yet").isTrue();

        ok(sbom("platform-api", "3.0.6"));
        assertThat(actions(id)).as("exposed again: the same item reopens").hasSize(3);
        assertThat(action(actions(id), "platform-api").get("state").asText()).isEqualTo("open");
        assertThat(action(actions(id), "platform-api").get("done_by").isNull()).isTrue();
    }

    @Test
    void moves_need_a_token_name_the_bad_field_and_wont_fix_needs_a_reason() {
        String id = advisory("vers:generic/>=3.0.0|<3.0.7");
        String item = action(actions(id), "platform-api").get("id").asText();
        String path = "/api/v1/advisories/" + id + "/actions/" + item;

        Http.Response anonymous = http.raw("PATCH", path, "{\"state\":\"done\"}", "Content-Type", "application/json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(http.raw("GET", "/api/v1/advisories/" + id + "/actions", null).status()).as("reads need a token too").isEqualTo(401);

        Http.Response badState = http.patch(path, "{\"state\":\"closed\"}");
        assertThat(badState.status()).as(badState.toString()).isEqualTo(422);
        assertThat(badState.json().get("field").asText()).isEqualTo("state");

        Http.Response noReason = http.patch(path, "{\"state\":\"wont_fix\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");

        JsonNode progress = ok(http.patch(path, "{\"state\":\"in_progress\"}")).json();
        assertThat(progress.get("state").asText()).isEqualTo("in_progress");
        assertThat(progress.get("done_by").isNull()).isTrue();

        JsonNode wontFix = ok(http.patch(path, "{\"state\":\"wont_fix\",\"reason\":\"Retired on Friday\"}")).json();
        assertThat(wontFix.get("reason").asText()).isEqualTo("Retired on Friday");
        assertThat(wontFix.get("done_by").asText()).isEqualTo("UPBEAT_ADMIN_TOKEN");

        Http.Response backwards = http.patch(path, "{\"state\":\"in_progress\"}");
        assertThat(backwards.status()).as(backwards.toString()).isEqualTo(422);
        assertThat(backwards.json().get("field").asText()).isEqualTo("state");

        Instant later = disclosure.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode reopened = ok(http.patch(path, "{\"state\":\"open\",\"due_at\":\"" + later + "\"}")).json();
        assertThat(reopened.get("state").asText()).isEqualTo("open");
        assertThat(Instant.parse(reopened.get("due_at").asText())).isEqualTo(later);
        ok(http.put("/api/v1/advisories/" + id, """
                {"title":"OpenSSL 3.0 critical fix","severity":"critical","disclosure_at":"%s",
                 "affected":[{"purl":"pkg:generic/openssl","vers":"vers:generic/>=3.0.0|<3.0.7"}]}""".formatted(disclosure)));
        assertThat(Instant.parse(action(actions(id), "platform-api").get("due_at").asText()))
                .as("a due time set by hand stays when the advisory changes").isEqualTo(later);

        assertThat(http.patch("/api/v1/advisories/" + id + "/actions/999", "{\"state\":\"done\"}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/advisories/999/actions", AUTH).status()).isEqualTo(404);
    }
}
