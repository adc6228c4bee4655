package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.user.Totp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin pages over HTTP: who gets in, what each role may do, forged forms, field errors, the audit log. */
class AdminHttpTest {
    static final String PASSWORD = "a long enough password";
    static TestUpbeat t;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        t.http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Core\"}");
        t.upbeat.admin().users().add("admin@example.com", "admin", PASSWORD);
        t.upbeat.admin().users().add("editor@example.com", "editor", PASSWORD);
        t.upbeat.admin().users().add("second@example.com", "editor", PASSWORD);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void a_signed_out_request_to_any_admin_page_is_sent_to_sign_in() {
        AdminClient anonymous = new AdminClient(base());
        for (String path : List.of("/admin", "/admin/incidents/new", "/admin/incidents/1", "/admin/maintenance", "/admin/components",
                "/admin/users", "/admin/tokens", "/admin/subscribers", "/admin/audit", "/admin/audit.csv", "/admin/account")) {
            Http.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(303);
            assertThat(r.header("Location")).as(path).startsWith("/admin/sign-in?next=");
        }
        Http.Response post = anonymous.postRaw("/admin/incidents", Map.of("title", "x", "message", "y"));
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.header("Location")).startsWith("/admin/sign-in");
        assertThat(t.upbeat.snapshots().current().incidents()).noneMatch(i -> i.title().equals("x"));
    }

    @Test
    void the_session_cookie_is_http_only_same_site_and_secure_when_the_page_is_served_over_https() {
        AdminClient c = new AdminClient(base());
        Http.Response r = c.signIn("editor@example.com", PASSWORD);
        assertThat(r.status()).isEqualTo(303);
        String cookie = r.raw().headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("upbeat_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Secure").contains("Path=/admin");
        List<String> stored = t.upbeat.database().read(tx -> tx.handle().createQuery("SELECT id_hash FROM sessions").mapTo(String.class).list());
        assertThat(stored).as("only a hash of the session id is stored").doesNotContain(c.cookies().get("upbeat_session"));
    }

    @Test
    void a_proxy_saying_https_makes_the_cookie_secure_and_plain_http_does_not() {
        try (TestUpbeat plain = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_BASE_URL", "http://localhost"))) {
            plain.upbeat.admin().users().add("ops@example.com", "admin", PASSWORD);
            String url = "http://127.0.0.1:" + plain.upbeat.port();
            assertThat(session(new AdminClient(url).signIn("ops@example.com", PASSWORD))).doesNotContain("Secure");
            assertThat(session(new AdminClient(url).signInWith("ops@example.com", PASSWORD, "", "X-Forwarded-Proto", "https"))).contains("Secure");
        }
    }

    @Test
    void a_form_post_without_the_sessions_csrf_token_is_refused() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        Map<String, String> form = Map.of("title", "Forged incident", "message", "from another site", "status", "investigating");
        assertThat(editor.postRaw("/admin/incidents", form).status()).isEqualTo(403);
        Map<String, String> wrong = new java.util.HashMap<>(form);
        wrong.put("csrf", "not-the-token");
        assertThat(editor.postRaw("/admin/incidents", wrong).status()).isEqualTo(403);
        assertThat(editor.post("/admin/incidents", form).status()).as("the same form with the token")
                .isEqualTo(303);
        assertThat(t.upbeat.snapshots().current().incidents().stream().filter(i -> i.title().equals("Forged incident")).count()).isEqualTo(1);
        Map<String, String> crossSite = new java.util.HashMap<>(form);
        crossSite.put("csrf", editor.csrf());
        assertThat(editor.postRaw("/admin/incidents", crossSite, "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
    }

    @Test
    void an_editor_posts_incidents_but_cannot_manage_users_components_or_tokens() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        assertThat(editor.get("/admin/incidents/new").status()).isEqualTo(200);
        assertThat(editor.get("/admin/maintenance").status()).isEqualTo(200);
        for (String path : List.of("/admin/users", "/admin/components", "/admin/tokens", "/admin/subscribers", "/admin/audit")) {
            assertThat(editor.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(editor.post("/admin/components", Map.of("name", "Sneaky")).status()).isEqualTo(403);
        assertThat(editor.post("/admin/users", Map.of("email", "friend@example.com", "role", "admin", "password", PASSWORD)).status())
                .isEqualTo(403);
        assertThat(editor.get("/admin").body()).doesNotContain("href=\"/admin/users\"");
        assertThat(t.upbeat.snapshots().current().components()).noneMatch(c -> c.name().equals("Sneaky"));
        assertThat(t.upbeat.admin().users().list()).noneMatch(u -> u.email().equals("friend@example.com"));

        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        assertThat(admin.post("/admin/components", Map.of("name", "Billing", "group", "Core")).status()).isEqualTo(303);
        assertThat(t.upbeat.snapshots().current().component("billing")).isPresent();
        assertThat(admin.get("/admin/users").body()).contains("editor@example.com");
    }

    @Test
    void what_the_api_refuses_the_form_refuses_with_the_message_next_to_the_field() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        editor.get("/admin/incidents/new");
        Http.Response r = editor.post("/admin/incidents", Map.of("title", " ", "message", "Kept text", "components.api", "sideways"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"title-error\"").contains("title is required")
                .contains("Kept text").contains("aria-invalid=\"true\"");
        Http.Response future = editor.post("/admin/incidents", Map.of("title", "Later", "message", "m", "started_at", "2999-01-01T00:00"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("id=\"started_at-error\"").contains("must not be in the future");
        Http.Response badStatus = editor.post("/admin/incidents", Map.of("title", "T", "message", "m", "components.api", "sideways"));
        assertThat(badStatus.body()).contains("id=\"components.api-error\"").contains("must be one of");
    }

    @Test
    void every_change_is_in_the_audit_log_and_its_csv_export() {
        AdminClient editor = AdminClient.signedIn(t, "second@example.com", PASSWORD);
        editor.get("/admin/incidents/new");
        Http.Response opened = editor.post("/admin/incidents", Map.of("title", "Audited outage", "message", "Looking", "status", "investigating"));
        String id = opened.header("Location").replaceAll(".*/", "");
        editor.get("/admin/incidents/" + id);
        assertThat(editor.post("/admin/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(303);

        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        assertThat(admin.get("/admin/audit").body()).contains("second@example.com").contains("incident.open").contains("incident.resolve");
        Http.Response csv = admin.get("/admin/audit.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("at,actor,action,subject,detail").contains("second@example.com,incident.open,incident " + id);
    }

    @Test
    void with_a_second_factor_on_sign_in_needs_the_authenticator_code() {
        t.upbeat.admin().users().add("careful@example.com", "editor", PASSWORD);
        AdminClient me = AdminClient.signedIn(t, "careful@example.com", PASSWORD);
        String secret = shownSecret(me);
        assertThat(me.post("/admin/account/totp", Map.of("secret", secret, "code", code(secret))).status()).isEqualTo(303);

        Http.Response without = new AdminClient(base()).signIn("careful@example.com", PASSWORD);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.body()).contains("Authentication code");
        t.clock.advance(Duration.ofSeconds(30)); // the enrolment code is spent; the app shows the next one
        String now = code(secret);
        assertThat(new AdminClient(base()).signInWith("careful@example.com", PASSWORD, now).status()).isEqualTo(303);
    }

    @Test
    void an_authenticator_code_signs_in_once() {
        t.upbeat.admin().users().add("once@example.com", "editor", PASSWORD);
        AdminClient me = AdminClient.signedIn(t, "once@example.com", PASSWORD);
        String secret = shownSecret(me);
        assertThat(me.post("/admin/account/totp", Map.of("secret", secret, "code", code(secret))).status()).isEqualTo(303);
        t.clock.advance(Duration.ofSeconds(30));
        String code = code(secret);
        assertThat(new AdminClient(base()).signInWith("once@example.com", PASSWORD, code).status()).isEqualTo(303);

        Http.Response replay = new AdminClient(base()).signInWith("once@example.com", PASSWORD, code);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("That code was used already");
        assertThat(replay.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("upbeat_session="));
    }

    @Test
    void a_missing_or_short_authenticator_key_is_refused_next_to_the_form_not_with_a_500() {
        t.upbeat.admin().users().add("typo@example.com", "editor", PASSWORD);
        AdminClient me = AdminClient.signedIn(t, "typo@example.com", PASSWORD);
        for (String secret : List.of("", "A", "GEZDGNBVGY3TQOJQGEZDGNBVG", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1")) {
            me.get("/admin/account");
            Http.Response r = me.post("/admin/account/totp", Map.of("secret", secret, "code", "123456"));
            assertThat(r.status()).as("'" + secret + "'").isEqualTo(422);
            assertThat(r.body()).as("'" + secret + "'").contains("id=\"secret-error\"").contains("Base32");
            assertThat(shownSecret(r.body())).as("a fresh key is offered").matches("[A-Z2-7]{32}");
        }
        assertThat(t.upbeat.admin().users().list()).filteredOn(u -> u.email().equals("typo@example.com"))
                .noneMatch(u -> u.hasSecondFactor());
    }

    @Test
    void replacing_the_authenticator_takes_a_code_from_the_current_one() {
        t.upbeat.admin().users().add("moving@example.com", "editor", PASSWORD);
        AdminClient me = AdminClient.signedIn(t, "moving@example.com", PASSWORD);
        String old = shownSecret(me);
        assertThat(me.post("/admin/account/totp", Map.of("secret", old, "code", code(old))).status()).isEqualTo(303);

        t.clock.advance(Duration.ofSeconds(30));
        String next = shownSecret(me);
        Http.Response bare = me.post("/admin/account/totp", Map.of("secret", next, "code", code(next)));
        assertThat(bare.status()).as("a session alone cannot move the factor").isEqualTo(422);
        assertThat(bare.body()).contains("id=\"current_code-error\"");
        assertThat(t.upbeat.admin().users().list()).filteredOn(u -> u.email().equals("moving@example.com"))
                .extracting(u -> u.totpSecret()).containsExactly(old);

        Http.Response replaced = me.post("/admin/account/totp", Map.of("secret", next, "code", code(next), "current_code", code(old)));
        assertThat(replaced.status()).isEqualTo(303);
        t.clock.advance(Duration.ofSeconds(30));
        assertThat(new AdminClient(base()).signInWith("moving@example.com", PASSWORD, code(old)).status()).isEqualTo(401);
        assertThat(new AdminClient(base()).signInWith("moving@example.com", PASSWORD, code(next)).status()).isEqualTo(303);
    }

    private static String code(String secret) {
        return Totp.code(secret, t.clock.instant().getEpochSecond() / 30);
    }

    private static String shownSecret(AdminClient me) {
        return shownSecret(me.get("/admin/account").body());
    }

    private static String shownSecret(String page) {
        Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        return secret.group(1);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        String stolen = editor.cookies().get("upbeat_session");
        assertThat(editor.post("/admin/sign-out", Map.of()).status()).isEqualTo(303);
        AdminClient replay = new AdminClient(base());
        replay.cookies().put("upbeat_session", stolen);
        assertThat(replay.get("/admin").status()).isEqualTo(303);
    }

    private static String session(Http.Response signIn) {
        assertThat(signIn.status()).isEqualTo(303);
        return signIn.raw().headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("upbeat_session=")).findFirst().orElseThrow();
    }

    private static String base() {
        return "http://127.0.0.1:" + t.upbeat.port();
    }
}
