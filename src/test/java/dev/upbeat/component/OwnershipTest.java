package dev.upbeat.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Owner team, tier and exposure: through the API, the admin pages, and never on the public API. */
class OwnershipTest {
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void owner_tier_and_exposure_are_set_by_patch_and_shown_only_to_writers() {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Checkout\"}");

            Http.Response r = t.http.patch("/api/v1/components/checkout", """
                    {"owner":{"team":"Payments","channel":"slack","address":"https://hooks.slack.com/services/T0/B0/x"},
                     "tier":1,"exposure":"internet"}""");

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("owner").get("team").asText()).isEqualTo("Payments");
            assertThat(r.json().get("owner").get("channel").asText()).isEqualTo("slack");
            assertThat(r.json().get("tier").asInt()).isEqualTo(1);
            assertThat(r.json().get("exposure").asText()).isEqualTo("internet");
            assertThat(r.json().get("name").asText()).as("the public fields stay at the top level").isEqualTo("Checkout");
            String publicList = t.http.get("/api/v1/components").body();
            assertThat(publicList).contains("checkout").doesNotContain("Payments").doesNotContain("hooks.slack.com")
                    .doesNotContain("\"tier\"");

            Http.Response renamed = t.http.patch("/api/v1/components/checkout", "{\"name\":\"Checkout API\"}");
            assertThat(renamed.json().get("owner").get("team").asText()).as("a patch without owner keeps it").isEqualTo("Payments");
            Http.Response cleared = t.http.patch("/api/v1/components/checkout", "{\"owner\":{\"team\":\"\"}}");
            assertThat(cleared.json().get("owner").isNull()).isTrue();
            assertThat(cleared.json().get("tier").asInt()).isEqualTo(1);
        }
    }

    @Test
    void bad_ownership_is_refused_naming_the_field_and_changes_nothing() {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Web\"}");
            assertRefused(t, "{\"tier\":4}", "tier");
            assertRefused(t, "{\"tier\":0}", "tier");
            assertRefused(t, "{\"exposure\":\"public\"}", "exposure");
            assertRefused(t, "{\"owner\":{\"team\":\"Web\",\"channel\":\"email\",\"address\":\"not-an-email\"}}", "owner.address");
            assertRefused(t, "{\"owner\":{\"team\":\"Web\",\"channel\":\"webhook\",\"address\":\"http://example.com/hook\"}}", "owner.address");
            assertRefused(t, "{\"owner\":{\"team\":\"Web\",\"channel\":\"pager\",\"address\":\"x\"}}", "owner.channel");
            assertRefused(t, "{\"owner\":{\"team\":\"   \",\"channel\":\"email\",\"address\":\"a@b.example\"}}", "owner.team");
            assertRefused(t, "{\"name\":\"Renamed\",\"tier\":9}", "tier");
            JsonNode web = t.http.patch("/api/v1/components/web", "{}").json();
            assertThat(web.get("name").asText()).as("a refused patch changed nothing").isEqualTo("Web");
            assertThat(web.get("tier").isNull()).isTrue();
            assertThat(t.http.raw("PATCH", "/api/v1/components/web", "{\"tier\":2}", "Content-Type", "application/json")
                    .status()).as("writes need a token").isEqualTo(401);
        }
    }

    private static void assertRefused(TestUpbeat t, String body, String field) {
        Http.Response r = t.http.patch("/api/v1/components/web", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void admins_set_ownership_on_the_component_page_and_bad_input_is_shown_beside_its_field() {
        try (TestUpbeat t = TestUpbeat.started(TestDatabases.postgresql(), Map.of())) {
            t.upbeat.admin().users().add("owner-admin@example.com", "admin", PASSWORD);
            t.http.post("/api/v1/components", "{\"name\":\"Ledger\"}");
            AdminClient admin = AdminClient.signedIn(t, "owner-admin@example.com", PASSWORD);
            Map<String, String> form = new HashMap<>(Map.of("name", "Ledger", "group", "", "description", "",
                    "status", "operational", "owner_team", "Finance", "owner_channel", "email",
                    "owner_address", "finance@example.com", "tier", "2", "exposure", "internal"));

            assertThat(admin.post("/admin/components/ledger", form).status()).isEqualTo(303);
            JsonNode ledger = t.http.patch("/api/v1/components/ledger", "{}").json();
            assertThat(ledger.get("owner").get("address").asText()).isEqualTo("finance@example.com");
            assertThat(ledger.get("tier").asInt()).isEqualTo(2);
            assertThat(ledger.get("exposure").asText()).isEqualTo("internal");
            assertThat(admin.get("/admin/components").body()).contains("value=\"Finance\"");

            form.put("owner_address", "https://not-an-email.example");
            Http.Response refused = admin.post("/admin/components/ledger", form);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("owner.address must be an email address");
        }
    }
}
