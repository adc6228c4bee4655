package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Branding settings from the admin pages: applied to every public answer at once, without a restart. */
class SettingsHttpTest {
    static final String PASSWORD = "a long enough password";
    static TestUpbeat t;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        t.upbeat.admin().users().add("admin@example.com", "admin", PASSWORD);
        t.upbeat.admin().users().add("editor@example.com", "editor", PASSWORD);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void an_admin_renames_the_page_and_changes_its_colour_and_links_and_every_public_answer_follows() {
        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        assertThat(admin.get("/admin/settings").body()).contains("Page name").contains("Accent colour").contains("Footer links");

        Http.Response saved = admin.post("/admin/settings", Map.of("page_name", "Acme Cloud Status", "accent_color", "#AA3366",
                "footer_links", "Support=https://acme.example/help\nTerms=/terms"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved");

        Http http = t.http;
        assertThat(http.get("/").body()).contains("Acme Cloud Status").contains("href=\"https://acme.example/help\"").contains(">Terms<");
        assertThat(http.get("/assets/brand.css").body()).contains("--accent: #aa3366");
        assertThat(http.get("/api/v1/status").body()).contains("\"name\":\"Acme Cloud Status\"");
        assertThat(http.get("/api/v2/summary.json").body()).contains("\"name\":\"Acme Cloud Status\"");
        assertThat(http.get("/history.atom").body()).contains("Acme Cloud Status");

        Http.Response bad = admin.post("/admin/settings", Map.of("page_name", "X", "accent_color", "purple", "footer_links", ""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("accent_color-error");
        assertThat(http.get("/").body()).as("a refused save changes nothing").contains("Acme Cloud Status");

        admin.post("/admin/settings", Map.of("page_name", "", "accent_color", "", "footer_links", ""));
        assertThat(http.get("/").body()).as("blank returns to the environment's values").contains("Upbeat Status")
                .doesNotContain("acme.example");
        assertThat(admin.get("/admin/audit.csv").body()).contains("settings.branding");
    }

    @Test
    void an_editor_cannot_change_settings() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        assertThat(editor.get("/admin/settings").status()).isEqualTo(403);
        editor.get("/admin");
        assertThat(editor.post("/admin/settings", Map.of("page_name", "Hijacked")).status()).isEqualTo(403);
        assertThat(t.http.get("/").body()).doesNotContain("Hijacked");
    }
}
