package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.demo.SampleData;
import dev.upbeat.json.Json;
import dev.upbeat.testing.Browser;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Every public and admin page, in light and dark, checked by axe-core (every rule it runs by
 * default: WCAG 2.0-2.2 A and AA plus its best practices) in a real headless Chromium, on the
 * sample data the demo shows. The script is injected through WebDriver, which the pages' strict
 * Content-Security-Policy does not apply to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityTest {
    /** GET routes that answer something other than an HTML page. */
    static final Set<String> NOT_PAGES = Set.of("/admin/audit.csv", "/admin/advisories/{id}/review.md",
            "/admin/advisories/{id}/review.csv", "/assets/brand.css", "/badge.svg", "/brand/logo",
            "/components/{id}/badge.svg", "/events", "/healthz", "/history.atom", "/history.rss", "/metrics");
    static final Set<String> visited = new java.util.concurrent.ConcurrentSkipListSet<>();
    static final Path AXE = Path.of("src", "test", "node", "node_modules", "axe-core", "axe.min.js");
    static final String EMAIL = "lead@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static final Receiver receiver = new Receiver();
    static TestUpbeat t;
    static Browser browser;
    static String base;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        assertThat(AXE).as("npm ci --prefix src/test/node (bin/test runs it)").exists();
        axe = Files.readString(AXE);
        // Served over plain HTTP here, so the session cookie is not marked Secure.
        t = TestUpbeat.started(Map.of("UPBEAT_BASE_URL", "http://localhost", "UPBEAT_WEBHOOK_ALLOW", "127.0.0.1",
                "UPBEAT_DELIVERY_POLL", "PT0.2S",
                "UPBEAT_TWILIO_ACCOUNT_SID", "ACtest", "UPBEAT_TWILIO_AUTH_TOKEN", "twilio-token", "UPBEAT_TWILIO_FROM", "+15005550006",
                "UPBEAT_TWILIO_BASE_URL", receiver.url("")), u -> new SampleData(u.upbeat, u.clock).load());
        base = "http://127.0.0.1:" + t.upbeat.port();
        t.upbeat.admin().users().add(EMAIL, "admin", PASSWORD);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (t != null) {
            t.close();
        }
        receiver.close();
    }

    @Test
    @Order(1)
    void every_public_page_has_no_axe_violation_in_light_and_dark() {
        String incident = t.http.get("/api/v1/incidents").json().get(0).get("id").asText();
        String maintenance = t.http.get("/api/v1/maintenances").json().get(0).get("id").asText();
        String component = t.http.get("/api/v1/components").json().get(0).get("id").asText();
        String manage = manageToken();
        publishNotice(advisory());
        List<String> pages = List.of("/", "/uptime", "/history", "/incidents/" + incident, "/maintenance/" + maintenance,
                "/components/" + component + "/uptime", "/no-such-page", "/subscriptions/confirm?t=expired",
                "/subscriptions/manage?t=" + manage, "/subscriptions/unsubscribe?t=" + manage);
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            found.addAll(check(page));
        }
        found.addAll(check("the code form after subscribing by text message", () -> subscribe("sms", "+1 415 555 0123")));
        found.addAll(check("the notice after subscribing a webhook", () -> subscribe("webhook", receiver.url("/form-hook"))));
        assertThat(String.join("\n", found)).as("axe-core violations").isEmpty();
    }

    @Test
    @Order(2)
    void every_admin_page_has_no_axe_violation_in_light_and_dark() {
        browser.driver.get(base + "/");
        browser.driver.manage().deleteAllCookies();
        List<String> signedOut = check("/admin/sign-in");
        signIn();
        try {
            String incident = t.http.get("/api/v1/incidents").json().get(0).get("id").asText();
            List<String> pages = List.of("/admin", "/admin/incidents/new", "/admin/incidents/" + incident, "/admin/maintenance",
                    "/admin/components", "/admin/probes", "/admin/simulator", "/admin/drills/" + drill() + "/report",
                    "/admin/subscribers", "/admin/notifications/" + notification(), "/admin/settings", "/admin/users",
                    "/admin/tokens", "/admin/account", "/admin/audit", "/admin/advisories", "/admin/advisories/" + advisory());
            List<String> found = new ArrayList<>(signedOut);
            for (String page : pages) {
                found.addAll(check(page));
            }
            assertThat(String.join("\n", found)).as("axe-core violations").isEmpty();
        } finally {
            browser.driver.manage().deleteAllCookies();
        }
    }

    @Test
    @Order(3)
    void every_page_in_the_route_table_was_checked() {
        List<String> pages = t.upbeat.routes().stream()
                .filter(r -> r.method().equals("GET") && !r.path().startsWith("/api/") && !NOT_PAGES.contains(r.path()))
                .map(r -> r.path()).toList();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(20).contains("/", "/admin/settings");
        List<String> unchecked = pages.stream()
                .filter(p -> visited.stream().noneMatch(v -> v.matches(p.replaceAll("\\{[^}]+}", "[^/]+")))).toList();
        assertThat(unchecked).as("pages the two tests above do not check (run the whole class)").isEmpty();
    }

    private static List<String> check(String path) {
        visited.add(path.replaceAll("\\?.*", ""));
        return check(path, () -> browser.driver.get(base + path));
    }

    /** The violations on one page, opened by {@code open}, in both themes: one entry per rule and theme. */
    private static List<String> check(String page, Runnable open) {
        List<String> found = new ArrayList<>();
        try {
            for (String theme : new String[] {"light", "dark"}) {
                colorScheme(theme);
                open.run();
                assertThat(browser.driver.findElements(By.tagName("main"))).as(page + " rendered").isNotEmpty();
                browser.driver.executeScript(axe);
                Object result = browser.driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document).then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help,
                            nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary.replace(/\\s+/g, ' '))})))),
                            e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));""");
                for (JsonNode v : Json.mapper().readTree((String) result)) {
                    found.add(page + " [" + theme + "] " + v.get("id").asText() + ": " + v.get("help").asText() + "\n    "
                            + String.join("\n    ", Json.mapper().convertValue(v.get("nodes"), String[].class)));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            colorScheme("light");
        }
        return found;
    }

    private static void colorScheme(String theme) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
    }

    /** Subscribes through the form on the home page, as a visitor does. */
    private static void subscribe(String channel, String address) {
        browser.driver.get(base + "/");
        new Select(browser.driver.findElement(By.id("subscribe-channel"))).selectByValue(channel);
        browser.driver.findElement(By.id("subscribe-address")).sendKeys(address);
        browser.driver.findElement(By.cssSelector("form.subscribe button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().endsWith("/subscribe"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isIn("Enter your code", "Almost done");
    }

    private static void signIn() {
        browser.driver.get(base + "/admin/sign-in");
        browser.driver.findElement(By.cssSelector("input[type=email]")).sendKeys(EMAIL);
        browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys(PASSWORD);
        browser.driver.findElement(By.cssSelector("main form button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver.getCurrentUrl().contains("/admin/sign-in"));
    }

    /** A webhook subscriber's token, from the link its first message carries, which opens its manage page. */
    private static synchronized String manageToken() {
        if (receiver.requests("/hook").isEmpty()) {
            Http.Response r = t.http.post("/api/v1/subscribers", "{\"channel\":\"webhook\",\"address\":\""
                    + receiver.url("/hook") + "\",\"confirmed\":true}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            t.http.post("/api/v1/incidents", "{\"title\":\"Delayed webhooks\",\"message\":\"Looking.\",\"impact\":\"minor\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.requests("/hook").isEmpty());
        }
        try {
            JsonNode payload = Json.mapper().readTree(receiver.requests("/hook").get(0).body());
            return payload.path("meta").path("unsubscribe").asText().replaceAll(".*[?&]t=", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A notification event with a delivery: the webhook subscriber's first message. */
    private static String notification() {
        manageToken();
        return t.http.get("/api/v1/notifications", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).json()
                .findValuesAsText("id").get(0);
    }

    /** A short drill against a simulator target that checks Upbeat's own health, run to its end. */
    /**
     * An advisory that touches nothing yet: the board with its countdown, an empty exposure table,
     * drafts (an incident, a maintenance, one posted) and an unpublished notice.
     */
    private static String advisory() {
        Http.Response r = t.http.post("/api/v1/advisories", """
                {"title":"OpenSSL 3.x high severity fix","severity":"high","disclosure_at":"%s","summary":"Details under embargo.",
                 "affected":[{"purl":"pkg:generic/openssl"}]}""".formatted(java.time.Instant.now().plus(java.time.Duration.ofDays(3))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asText();
        String component = t.http.get("/api/v1/components").json().get(0).get("id").asText();
        String drafts = "/api/v1/advisories/" + id + "/drafts";
        for (String body : List.of(
                "{\"kind\":\"incident\",\"title\":\"OpenSSL update\",\"message\":\"Patching.\",\"post_at_disclosure\":true,"
                        + "\"components\":{\"" + component + "\":\"degraded_performance\"}}",
                "{\"kind\":\"maintenance\",\"title\":\"OpenSSL patch window\",\"message\":\"Restarts.\"}",
                "{\"kind\":\"incident\",\"title\":\"OpenSSL fix applied\",\"message\":\"Done.\",\"status\":\"resolved\"}")) {
            Http.Response d = t.http.post(drafts, body);
            assertThat(d.status()).as(d.toString()).isEqualTo(201);
            if (body.contains("applied")) {
                assertThat(t.http.post(drafts + "/" + d.json().get("id").asText() + "/post", "").status()).isEqualTo(200);
            }
        }
        assertThat(t.http.put("/api/v1/advisories/" + id + "/notice", "{\"text\":\"We are aware of it.\",\"published\":false}")
                .status()).isEqualTo(200);
        return id;
    }

    /** A published notice, so the home page shows its notices section. */
    private static void publishNotice(String advisory) {
        Http.Response r = t.http.put("/api/v1/advisories/" + advisory + "/notice",
                "{\"text\":\"We are aware of CVE-2022-3602; we are **not affected**.\",\"published\":true}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String drill() {
        String[] auth = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
        Http.Response target = t.http.post("/api/v1/simulator/targets", "{\"name\":\"drill-target\",\"listen\":\"127.0.0.1:0\"}");
        assertThat(target.status()).as(target.toString()).isEqualTo(201);
        Http.Response r = t.http.post("/api/v1/drills", """
                {"target":"drill-target","faults":[{"type":"maintenance"}],"duration":"PT1S","interval":"PT0.25S","recovery":"PT1S",
                 "notice":"Weekly drill","checks":[{"url":"%s/healthz","expect_status":[200]}]}""".formatted(base));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !t.http.get("/api/v1/drills/" + id, auth).json().get("verdict").asText().equals("running"));
        return id;
    }
}
