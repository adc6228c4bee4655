package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.Browser;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * An engineer in the middle of an outage, in a real headless Chromium: signs in, opens an
 * incident through the composer by its labels, and watches the public page (another tab) follow
 * live through an update and the resolve.
 */
class AdminBrowserTest {
    static final String EMAIL = "oncall@example.com";
    static final String ADMIN_EMAIL = "lead@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static TestUpbeat t;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() {
        // Served over plain HTTP here, so the session cookie is not marked Secure.
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_BASE_URL", "http://localhost"));
        base = "http://127.0.0.1:" + t.upbeat.port();
        t.http.post("/api/v1/components", "{\"name\":\"Web Dynos\",\"group\":\"Apps\"}");
        t.http.post("/api/v1/components", "{\"name\":\"Routing\",\"group\":\"Apps\"}");
        t.http.post("/api/v1/components", "{\"name\":\"Postgres\",\"group\":\"Data\"}");
        t.upbeat.admin().users().add(EMAIL, "editor", PASSWORD);
        t.upbeat.admin().users().add(ADMIN_EMAIL, "admin", PASSWORD);
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
    void an_incident_opened_in_the_composer_shows_live_on_the_public_page_through_update_and_resolve() {
        browser.size(1280, 900);
        browser.driver.get(base + "/admin/incidents/new");
        assertThat(browser.driver.getCurrentUrl()).as("signed out: sent to sign in").contains("/admin/sign-in");
        byLabel("Email").sendKeys(EMAIL);
        byLabel("Password").sendKeys(PASSWORD);
        button("Sign in").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().endsWith("/admin/incidents/new"));

        String admin = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(base + "/");
        String publicTab = browser.driver.getWindowHandle();
        await().atMost(Duration.ofSeconds(5)).until(() -> main().contains("Routing"));
        browser.driver.switchTo().window(admin);

        byLabel("Title").sendKeys("Elevated routing errors");
        new Select(browser.driver.findElement(By.id("c-routing"))).selectByValue("major_outage");
        byLabel("Message").sendKeys("We are **investigating** errors on the router.");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                browser.driver.findElement(By.id("preview")).getAttribute("innerHTML").contains("<strong>investigating</strong>"));
        browser.size(1280, 1300);
        saveScreenshot("admin-composer");
        browser.size(1280, 900);
        button("Open incident").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.getCurrentUrl().matches(".*/admin/incidents/\\d+"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*/", "");

        browser.driver.switchTo().window(publicTab);
        await().atMost(Duration.ofSeconds(5)).until(() -> main().contains("Elevated routing errors"));
        assertThat(main()).contains("Major outage");

        browser.driver.switchTo().window(admin);
        new Select(byLabel("Status")).selectByValue("identified");
        byLabel("Message").sendKeys("A bad router config was rolled back.");
        button("Post update").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElement(By.id("incident-status")).getText().equals("Identified"));
        browser.driver.switchTo().window(publicTab);
        await().atMost(Duration.ofSeconds(5)).until(() -> main().contains("A bad router config was rolled back."));

        browser.driver.switchTo().window(admin);
        button("Resolve incident").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver.findElement(By.id("incident-status")).getText().equals("Resolved"));
        browser.driver.switchTo().window(publicTab);
        await().atMost(Duration.ofSeconds(5)).until(() -> !main().contains("Major outage"));
        browser.driver.get(base + "/incidents/" + id);
        assertThat(main()).contains("Resolved").contains("This incident has been resolved.");
        browser.driver.close();
        browser.driver.switchTo().window(admin);

        browser.driver.get(base + "/admin");
        assertThat(main()).contains("Recently resolved").contains("Elevated routing errors");
        saveScreenshot("admin-dashboard");
    }

    @Test
    void the_admin_says_what_the_public_banner_says_and_its_navigation_and_dates_fit_on_desktop_and_phone() {
        browser.driver.get(base + "/");
        browser.driver.manage().deleteAllCookies();
        signIn(ADMIN_EMAIL);
        t.http.patch("/api/v1/components/postgres", "{\"status\":\"degraded_performance\"}");
        t.http.post("/api/v1/incidents", "{\"title\":\"Slow queries\",\"message\":\"Fixed.\",\"status\":\"resolved\"}");
        t.upbeat.snapshots().rebuild();
        try {
            browser.size(1280, 900);
            browser.driver.get(base + "/");
            // The page may have been cached before the change; a reload asks again.
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                browser.driver.navigate().refresh();
                return !browser.driver.findElement(By.cssSelector(".overall h1")).getText().equals("All Systems Operational");
            });
            String banner = browser.driver.findElement(By.cssSelector(".overall h1")).getText();
            browser.driver.get(base + "/admin");
            assertThat(browser.driver.findElement(By.id("overall")).getText()).isEqualTo(banner).isEqualTo("Partially Degraded Service");
            assertThat(browser.driver.getPageSource()).as("dates that do not break inside")
                    .containsPattern("\\d{4}\u2011\\d\\d\u2011\\d\\d \\d\\d:\\d\\d(\u00a0|&nbsp;)UTC");
            for (String theme : new String[] {"light", "dark"}) {
                browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                        java.util.List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
                for (int width : new int[] {1280, 390}) {
                    String device = width < 500 ? "phone" : "desktop";
                    for (String page : new String[] {"dashboard", "components"}) {
                        browser.size(width, 900);
                        browser.driver.get(base + ("dashboard".equals(page) ? "/admin" : "/admin/" + page));
                        Object lines = browser.driver.executeScript("""
                                const nav = document.querySelector('nav.tabs'), tab = nav.querySelector('a');
                                return Math.round(nav.getBoundingClientRect().height / tab.getBoundingClientRect().height);""");
                        assertThat(lines).as(device + " " + page + ": navigation lines").isEqualTo(1L);
                        Object overflow = browser.driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
                        assertThat(overflow).as(device + " " + page + " fits its width").isEqualTo(false);
                        saveScreenshot("admin-" + page + "-" + device + ("dark".equals(theme) ? "-dark" : ""));
                    }
                }
            }
            browser.size(1280, 900);
            browser.driver.get(base + "/admin");
            browser.driver.findElement(By.cssSelector("nav.tabs summary")).click();
            browser.driver.findElement(By.linkText("Audit log")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver.getCurrentUrl().endsWith("/admin/audit"));
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));
            browser.size(1280, 900);
            t.http.patch("/api/v1/components/postgres", "{\"status\":\"operational\"}");
            browser.driver.manage().deleteAllCookies();
        }
    }

    /** Signs in (the caller has signed out first). */
    private static void signIn(String email) {
        browser.driver.get(base + "/admin");
        if (browser.driver.getCurrentUrl().contains("/admin/sign-in")) {
            byLabel("Email").sendKeys(email);
            byLabel("Password").sendKeys(PASSWORD);
            button("Sign in").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.driver.getCurrentUrl().contains("/admin/sign-in"));
        }
    }

    private static WebElement byLabel(String text) {
        WebElement label = browser.driver.findElements(By.tagName("label")).stream()
                .filter(l -> l.isDisplayed() && l.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no visible label '" + text + "' on " + browser.driver.getCurrentUrl()));
        return browser.driver.findElement(By.id(label.getAttribute("for")));
    }

    private static WebElement button(String text) {
        return browser.driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' on " + browser.driver.getCurrentUrl()));
    }

    private static String main() {
        return browser.driver.findElement(By.tagName("main")).getText();
    }

    /**
     * Into target/screenshots only: a test run must leave the checkout as it found it. The
     * pictures in docs/screenshots are refreshed by copying from there when the pages change.
     */
    private static void saveScreenshot(String name) {
        assertThat(browser.screenshot(name)).exists();
    }
}
