package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.json.Json;
import dev.upbeat.testing.Browser;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** The public page in a real headless Chromium, as a customer sees it during an outage. */
class BrowserTest {
    static TestUpbeat t;
    static Http http;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        base = "http://127.0.0.1:" + t.upbeat.port();
        // Most components are older than the 90 days the bars show; one is new, so its bar starts with "no data yet".
        t.clock.set(java.time.Instant.now().minus(Duration.ofDays(120)));
        http.post("/api/v1/components", "{\"name\":\"Web Dynos\",\"group\":\"Apps\"}");
        http.post("/api/v1/components", "{\"name\":\"Routing\",\"group\":\"Apps\"}");
        http.post("/api/v1/components", "{\"name\":\"Scheduler and background workers\",\"group\":\"Apps\"}");
        http.post("/api/v1/components", "{\"name\":\"Postgres\",\"group\":\"Data\"}");
        t.clock.set(java.time.Instant.now().minus(Duration.ofDays(40)));
        http.post("/api/v1/components", "{\"name\":\"Key-value store\",\"group\":\"Data\"}");
        t.clock.reset();
        pastIncident("Slow deploys", "minor", "web-dynos", "degraded_performance", 12, 9, 40);
        pastIncident("Router errors in one region", "major", "routing", "partial_outage", 33, 14, 95);
        pastIncident("Database failover", "critical", "postgres", "major_outage", 61, 3, 150);
        pastIncident("Delayed jobs", "minor", "scheduler-and-background-workers", "degraded_performance", 5, 20, 15);
        t.upbeat.snapshots().rebuild();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        t.close();
    }

    @Test
    void the_home_page_shows_groups_and_statuses_in_words() {
        browser.size(1280, 900);
        browser.driver.get(base + "/");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        String text = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Apps").contains("Data").contains("Web Dynos").contains("Operational");
    }

    @Test
    void an_incident_posted_through_the_api_appears_on_the_open_page_within_two_seconds() {
        browser.driver.get(base + "/");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.findElement(By.tagName("main")).getText().contains("Routing"));
        long before = version();

        var body = Json.mapper().createObjectNode().put("title", "Live router errors").put("message", "Investigating **now**.")
                .put("impact", "major");
        body.putObject("components").put("routing", "major_outage");
        assertThat(http.post("/api/v1/incidents", body.toString()).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> browser.driver.findElement(By.tagName("main")).getText().contains("Live router errors"));
        String text = browser.driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Major outage").contains("ongoing for");
        assertThat(browser.driver.findElements(By.tagName("header"))).as("only the live part was replaced").hasSize(1);
        assertThat(browser.driver.findElements(By.tagName("main"))).hasSize(1);
        assertThat(version()).as("the page itself was not reloaded").isGreaterThan(before);
        assertThat(browser.driver.executeScript("return window.performance.getEntriesByType('navigation').length")).isEqualTo(1L);
    }

    @Test
    void hostile_incident_text_executes_nothing() {
        var body = Json.mapper().createObjectNode()
                .put("title", "<img src=x onerror=\"window.__pwned='title'\">Hostile")
                .put("message", "<script>window.__pwned='script'</script><img src=x onerror=\"window.__pwned='img'\">"
                        + " [link](javascript:window.__pwned='link') <a href=\"javascript:window.__pwned='a'\">a</a>");
        long id = http.post("/api/v1/incidents", body.toString()).json().get("id").asLong();

        browser.driver.get(base + "/incidents/" + id);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.getPageSource().contains("Hostile"));
        browser.driver.get(base + "/");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.findElement(By.tagName("main")).getText().contains("Hostile"));
        for (var link : browser.driver.findElements(By.cssSelector("main a"))) {
            String href = link.getAttribute("href");
            assertThat(href == null ? "" : href).doesNotStartWith("javascript:");
        }
        assertThat(browser.driver.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        boolean alert;
        try {
            browser.driver.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).isFalse();
        http.post("/api/v1/incidents/" + id + "/resolve", null);
    }

    @Test
    void screenshots_of_the_pages_on_desktop_and_phone_in_both_themes_with_statuses_in_line_and_nothing_overflowing() {
        var body = Json.mapper().createObjectNode().put("title", "Elevated database latency")
                .put("message", "Queries are **slower** than usual; we are adding capacity.").put("impact", "minor");
        body.putObject("components").put("postgres", "degraded_performance");
        long id = http.post("/api/v1/incidents", body.toString()).json().get("id").asLong();
        http.post("/api/v1/incidents/" + id + "/updates", "{\"status\":\"identified\",\"message\":\"A noisy neighbour was found.\"}");

        try {
            for (String theme : new String[] {"light", "dark"}) {
                colorScheme(theme);
                for (var size : new int[][] {{1280, 900}, {390, 844}}) {
                    browser.size(size[0], size[1]);
                    String device = size[0] < 500 ? "phone" : "desktop";
                    String suffix = "-" + device + ("dark".equals(theme) ? "-dark" : "");
                    browser.driver.get(base + "/");
                    assertStatusesInLine(device);
                    Object shown = browser.driver.executeScript(
                            "return [...document.querySelector('main .bars').children].filter(d => d.offsetWidth > 0).length");
                    assertThat(shown).as(device + ": days shown in a bar").isEqualTo("phone".equals(device) ? 30L : 90L);
                    fullPage();
                    assertThat(browser.screenshot("home" + suffix)).exists();
                    for (String[] page : new String[][] {{"incident", "/incidents/" + id}, {"uptime", "/uptime"}, {"history", "/history"},
                            {"not-found", "/no-such-page"}}) {
                        browser.driver.get(base + page[1]);
                        fullPage();
                        assertThat(browser.screenshot(page[0] + suffix)).exists();
                        Object overflow = browser.driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
                        assertThat(overflow).as(page[0] + suffix + " fits its width").isEqualTo(false);
                    }
                }
            }
        } finally {
            colorScheme("light");
            browser.size(1280, 900);
            http.post("/api/v1/incidents/" + id + "/resolve", null);
        }
    }

    @Test
    void a_day_of_the_bar_shows_its_date_uptime_and_incidents_on_hover_with_links_to_them() {
        browser.size(1280, 900);
        browser.driver.get(base + "/");
        String day = "[aria-label='Postgres: daily uptime, last 90 days'] .day:nth-child(" + (90 - 61) + ")";
        assertThat(browser.driver.executeScript("return getComputedStyle(document.querySelector(arguments[0] + ' .tip')).opacity", day))
                .as("hidden until hovered").isEqualTo("0");
        // A live update may replace the page between two steps; each attempt starts again from the page.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            var element = browser.driver.findElement(By.cssSelector(day));
            browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(element).perform();
            var tip = element.findElement(By.className("tip"));
            boolean asWideAsTheBar = tip.getRect().getWidth() >= element.findElement(By.xpath("..")).getRect().getWidth() - 1;
            return "1".equals(tip.getCssValue("opacity")) && asWideAsTheBar && tip.getText().contains("150 min downtime")
                    && tip.getText().contains("Database failover");
        });
        browser.screenshot("home-bar-tooltip");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            var element = browser.driver.findElement(By.cssSelector(day));
            new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(element).perform();
            element.findElement(By.linkText("Database failover")).click();
            return true;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.getCurrentUrl().contains("/incidents/"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Database failover");
    }

    /** The status of every component and group sits on the line of its name, whatever its length. */
    private static void assertStatusesInLine(String device) {
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.findElement(By.tagName("main")).getText()
                .contains("Elevated database latency"));
        // In one script, so a live update replacing the page in between cannot leave a stale element.
        Object misplaced = browser.driver.executeScript("""
                const out = [];
                for (const [head, name, status] of [['.component-head', '.name', '.status'], ['.group-head', '.group-name', '.words']]) {
                  for (const h of document.querySelectorAll(head)) {
                    const a = h.querySelector(name).getBoundingClientRect(), b = h.querySelector(status).getBoundingClientRect();
                    if (Math.abs(a.top - b.top) >= 8) out.push(h.textContent.trim().replace(/\\s+/g, ' '));
                  }
                }
                return out.join(' | ');""");
        assertThat(misplaced).as(device + ": statuses below their names").isEqualTo("");
    }

    /** Grows the window to the page's height, so a screenshot shows all of it. */
    private static void fullPage() {
        Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight");
        var size = browser.driver.manage().window().getSize();
        browser.size(size.getWidth(), Math.min(4000, height.intValue() + 140));
    }

    private static void colorScheme(String theme) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", theme))));
    }

    @Test
    void dark_mode_follows_the_system_setting() {
        browser.driver.get(base + "/");
        String light = (String) browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            String dark = (String) browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
            assertThat(light).isEqualTo("rgb(255, 255, 255)");
            assertThat(dark).isNotEqualTo(light).isEqualTo("rgb(20, 22, 31)");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of()));
        }
    }

    @Test
    void the_page_can_be_used_with_the_keyboard_alone() {
        browser.driver.get(base + "/");
        var body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(org.openqa.selenium.Keys.TAB);
        var first = browser.driver.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Skip to content");
        assertThat(first.getCssValue("left")).as("the skip link shows when focused").isEqualTo("8px");
        first.sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getTagName()).isEqualTo("a");
        browser.driver.get(base + "/uptime");
        browser.driver.findElement(By.linkText("History")).sendKeys(org.openqa.selenium.Keys.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.getCurrentUrl().endsWith("/history"));
    }

    @Test
    void an_open_page_reconnects_by_itself_after_the_server_restarts() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String database = dev.upbeat.testing.TestDatabases.sqlite();
        var env = java.util.Map.of("PORT", Integer.toString(port));
        TestUpbeat first = TestUpbeat.started(database, env);
        first.http.post("/api/v1/components", "{\"name\":\"Restart Survivor\"}");
        browser.driver.get("http://127.0.0.1:" + port + "/");
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.findElement(By.tagName("main")).getText().contains("Restart Survivor"));
        first.close();

        try (TestUpbeat second = TestUpbeat.started(database, env)) {
            second.http.post("/api/v1/incidents", "{\"title\":\"After the restart\",\"message\":\"m\",\"components\":{\"restart-survivor\":\"major_outage\"}}");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> browser.driver.findElement(By.tagName("main")).getText().contains("After the restart"));
            assertThat(browser.driver.executeScript("return window.performance.getEntriesByType('navigation').length")).isEqualTo(1L);
        } finally {
            browser.driver.get("about:blank");
        }
    }

    private static void pastIncident(String title, String impact, String component, String status, int daysAgo, int hour, int minutes) {
        java.time.Instant started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(hour));
        http.post("/api/v1/incidents", "{\"title\":\"" + title + "\",\"message\":\"Fixed.\",\"impact\":\"" + impact
                + "\",\"components\":{\"" + component + "\":\"" + status + "\"},\"status\":\"resolved\",\"started_at\":\"" + started
                + "\",\"resolved_at\":\"" + started.plus(Duration.ofMinutes(minutes)) + "\"}");
    }

    private static long version() {
        return Long.parseLong(browser.driver.findElement(By.id("live")).getAttribute("data-version"));
    }
}
