package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server-rendered pages through the real server: what works without JavaScript. */
class SitePagesTest {
    static TestUpbeat t;
    static Http http;
    static long incident;
    static long live;

    @BeforeAll
    static void start() throws Exception {
        Path logo = Files.createTempFile("logo", ".svg");
        Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_ACCENT_COLOR", "#AA3366",
                "UPBEAT_FOOTER_LINKS", "Support=https://example.com/help,Terms=/terms", "UPBEAT_LOGO_FILE", logo.toString(),
                "UPBEAT_PAGE_NAME", "Acme Status"));
        http = t.http;
        Instant now = Instant.now();
        t.clock.set(now.minus(Duration.ofDays(10)));
        http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}");
        http.post("/api/v1/components", "{\"name\":\"Web\",\"group\":\"Apps\"}");
        t.clock.reset();
        // 06:00 UTC five days ago, so the three hours fall within one day's bar whatever time the test runs.
        Instant started = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5)).plus(Duration.ofHours(6));
        incident = http.post("/api/v1/incidents", "{\"title\":\"API down\",\"message\":\"Looking **hard**.\","
                + "\"impact\":\"critical\",\"components\":{\"api\":\"major_outage\"},\"status\":\"resolved\","
                + "\"started_at\":\"" + started + "\",\"resolved_at\":\"" + started.plus(Duration.ofHours(3)) + "\"}")
                .json().get("id").asLong();
        live = http.post("/api/v1/incidents", "{\"title\":\"Web slow\",\"message\":\"Looking.\","
                + "\"components\":{\"web\":\"degraded_performance\"}}").json().get("id").asLong();
        http.post("/api/v1/incidents/" + live + "/updates", "{\"status\":\"resolved\",\"message\":\"Fixed.\"}");
        t.upbeat.snapshots().rebuild();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void a_component_with_no_observed_time_says_no_data_yet_rather_than_a_percentage() {
        // Created "an hour from now", so the snapshot has observed none of its time yet.
        t.clock.set(Instant.now().plus(Duration.ofHours(1)));
        String id = http.post("/api/v1/components", "{\"name\":\"Fresh\"}").json().get("id").asText();
        t.clock.reset();
        try {
            t.upbeat.snapshots().rebuild();
            String home = http.get("/").body();
            String row = home.substring(home.indexOf(">Fresh<"));
            row = row.substring(0, row.indexOf("</li>", row.indexOf("</ol>")));
            assertThat(row).contains("No uptime data yet").contains("no data yet").doesNotContain("%");
        } finally {
            http.delete("/api/v1/components/" + id);
        }
    }

    @Test
    void junk_query_strings_share_the_plain_pages_rendering_instead_of_rendering_anew() {
        long ongoing = http.post("/api/v1/incidents", "{\"title\":\"Queue backlog\",\"message\":\"Looking.\"}")
                .json().get("id").asLong();
        try {
            t.upbeat.snapshots().rebuild();
            String home = http.get("/").body();
            String history = http.get("/history").body();
            // 90 s on, the same snapshot (not yet old enough to say so): a fresh rendering would
            // say the incident has lasted a minute longer.
            t.clock.set(Instant.now().plus(Duration.ofSeconds(90)));
            assertThat(http.get("/?cb=" + System.nanoTime()).body()).isEqualTo(home);
            assertThat(http.get("/?utm_source=x&cb=1").body()).isEqualTo(home);
            assertThat(http.get("/history?page=1&cb=2").body()).isEqualTo(history);
            assertThat(http.get("/history?page=01").body()).isEqualTo(history);
        } finally {
            t.clock.reset();
            http.post("/api/v1/incidents/" + ongoing + "/updates", "{\"status\":\"resolved\",\"message\":\"Fixed.\"}");
            t.upbeat.snapshots().rebuild();
        }
    }

    @Test
    void a_maintenance_window_not_yet_begun_is_shown_as_not_started_and_never_as_ongoing_or_started() {
        // Minutes ahead, so the window falls in this month, which the history's first page shows.
        Instant soon = Instant.now().plus(Duration.ofMinutes(2));
        long id = http.post("/api/v1/maintenances", "{\"title\":\"Future upgrade\",\"message\":\"Planned.\","
                + "\"scheduled_for\":\"" + soon + "\",\"scheduled_until\":\"" + soon.plus(Duration.ofHours(1)) + "\"}")
                .json().get("id").asLong();
        try {
            String page = http.get("/maintenance/" + id).body();
            assertThat(page).contains("not started").doesNotContain("<dt>Started</dt>");
            String history = http.get("/history").body();
            String row = history.substring(history.indexOf("Future upgrade"));
            row = row.substring(0, row.indexOf("</li>"));
            assertThat(row).contains("not started").doesNotContain("ongoing");
        } finally {
            http.post("/api/v1/maintenances/" + id + "/cancel", null);
        }
    }

    @Test
    void every_page_is_html_with_a_strict_content_security_policy_and_no_inline_script_or_style() {
        for (String path : new String[] {"/", "/uptime", "/history", "/incidents/" + incident, "/components/api/uptime"}) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isNotBlank();
            assertThat(r.body()).contains("<html lang=\"en\">");
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(r.body()).find()).as(path + " inline script").isFalse();
            assertThat(r.body()).as(path).doesNotContain(" style=").doesNotContain("<style");
            assertThat(r.body()).as(path + " description for search engines")
                    .contains("<meta name=\"description\" content=\"Live status, incidents, scheduled maintenance and uptime of Acme Status.\">");
        }
    }

    @Test
    void pages_have_an_icon_that_is_served_the_brand_logo_when_there_is_one() {
        var icon = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"");
        var publicIcon = icon.matcher(http.get("/").body());
        assertThat(publicIcon.find()).isTrue();
        assertThat(publicIcon.group(1)).isEqualTo("/brand/logo");
        String signIn = http.get("/admin/sign-in").body();
        assertThat(signIn).as("a way back from the sign-in page").contains("<a href=\"/\">");
        var adminIcon = icon.matcher(signIn);
        assertThat(adminIcon.find()).as("the admin sign-in page has an icon").isTrue();
        Http.Response file = http.get(adminIcon.group(1));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(file.body()).startsWith("<svg");
    }

    @Test
    void the_uptime_page_has_a_90_day_bar_per_component_with_labels_for_hover_and_screen_readers() {
        String page = http.get("/uptime").body();
        assertThat(page.split("<ol class=\"bars\"", -1).length - 1).isEqualTo(2);
        String api = bar(page, "API");
        assertThat(api.split("<li class=\"day ", -1).length - 1).isEqualTo(90);
        assertThat(api).contains("180 min downtime").contains("<a href=\"/incidents/" + incident + "\">API down</a>").contains("fill-red");
        assertThat(api).as("days before the component existed are unknown").contains("no data yet").contains("fill-unknown");
        String[] days = api.split("<li class=\"day ");
        assertThat(days[90 - 7]).as("a day between the component's creation and the back-dated incident is known")
                .startsWith("fill-green").contains("100.00% uptime");
    }

    @Test
    void the_home_page_shows_the_same_90_day_bar_per_component_with_its_uptime_and_no_data_yet_before_it_existed() {
        String home = http.get("/").body();
        String api = bar(home, "API");
        assertThat(api).as("one rendering for both pages").isEqualTo(bar(http.get("/uptime").body(), "API"));
        assertThat(api.split("<li class=\"day ", -1).length - 1).isEqualTo(90);
        String first = api.substring(api.indexOf("<li class=\"day "), api.indexOf("</li>"));
        assertThat(first).contains("fill-unknown").contains("no data yet").doesNotContain("%");
        String row = home.substring(home.indexOf("<span class=\"name\">API</span>"));
        row = row.substring(0, row.indexOf("</li>", row.indexOf("</ol>")));
        assertThat(row).containsPattern("href=\"/components/api/uptime\">\\d+\\.\\d\\d% uptime</a>");
        assertThat(home.indexOf("Systems")).as("the banner stays above the systems").isGreaterThan(home.indexOf("class=\"overall"));
    }

    @Test
    void a_long_group_folds_into_its_heading_without_javascript_and_opens_when_something_is_wrong() {
        for (int i = 1; i <= PageModels.LONG_GROUP + 1; i++) {
            http.post("/api/v1/components", "{\"name\":\"Region " + i + "\",\"group\":\"Regions\"}");
        }
        try {
            t.upbeat.snapshots().rebuild();
            String home = http.get("/").body();
            assertThat(home).containsPattern("<details class=\"group\">\\s*<summary><h3 class=\"group-head\">.*Regions</span>");
            assertThat(home).as("a short group stays a plain card").contains("<section class=\"group\" aria-label=\"Tools: ");
            http.patch("/api/v1/components/region-2", "{\"status\":\"partial_outage\"}");
            t.upbeat.snapshots().rebuild();
            assertThat(http.get("/").body()).containsPattern("<details class=\"group\" open>\\s*<summary><h3 class=\"group-head\">.*Regions</span>");
        } finally {
            for (int i = 1; i <= PageModels.LONG_GROUP + 1; i++) {
                http.delete("/api/v1/components/region-" + i);
            }
        }
    }

    /** The bar list of one component, from its label to its end. */
    private static String bar(String page, String component) {
        String from = page.substring(page.indexOf("aria-label=\"" + component + ": daily uptime, last 90 days\""));
        return from.substring(0, from.indexOf("</ol>"));
    }

    @Test
    void the_timeline_shows_each_incident_in_proportion_to_its_duration_with_its_time_to_resolution() {
        String page = http.get("/uptime").body();
        assertThat(page).contains("API down: critical impact, resolved in 3\u00a0h\u00a00\u00a0min");
        // 3 hours of a 30-day period is 0.42%: drawn at the 1% minimum, 10 units of a 1000-unit track, so it stays visible
        assertThat(page).containsPattern("<rect x=\"8\\d\\d\\.\\d+\" y=\"0\" width=\"10\\.0\" height=\"24\" class=\"fill-red\">");
        int start = page.indexOf("<ol class=\"ticks\"");
        String ticks = page.substring(start, page.indexOf("</ol>", start));
        assertThat(ticks.split("<li>", -1).length - 1).as("a dated tick every six days, both ends included").isEqualTo(6);
        assertThat(ticks).containsPattern("<li>\\d{1,2} [A-Z][a-z]{2}</li>");
    }

    @Test
    void an_incident_that_just_began_shows_at_the_right_edge_of_the_timeline_marked_as_ongoing() {
        long id = http.post("/api/v1/incidents", "{\"title\":\"Just now\",\"message\":\"Looking.\",\"impact\":\"minor\"}")
                .json().get("id").asLong();
        try {
            t.upbeat.snapshots().rebuild();
            var rect = Pattern.compile("<a href=\"/incidents/" + id + "\" tabindex=\"-1\"><rect x=\"([0-9.]+)\" y=\"0\" width=\"([0-9.]+)\" height=\"24\" "
                    + "class=\"fill-yellow ongoing\">").matcher(http.get("/uptime").body());
            assertThat(rect.find()).isTrue();
            double x = Double.parseDouble(rect.group(1));
            double width = Double.parseDouble(rect.group(2));
            assertThat(width).isGreaterThanOrEqualTo(10);
            assertThat(x + width).as("inside the track, at its right edge").isLessThanOrEqualTo(1000.0).isGreaterThan(999.0);
        } finally {
            http.post("/api/v1/incidents/" + id + "/resolve", null);
        }
    }

    @Test
    void a_browser_gets_404_and_405_as_pages_in_the_site_style_with_a_way_home_and_api_clients_keep_json() {
        String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : new String[] {"/no-such-page", "/incidents/999999", "/components/nope/uptime"}) {
            Http.Response page = http.get(path, "Accept", html);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<h1>Page not found</h1>").contains("<a class=\"button primary\" href=\"/\">")
                    .contains("href=\"/assets/upbeat.css\"").contains("Acme Status").doesNotContain(" style=").doesNotContain("<style");
        }
        Http.Response notAllowed = http.raw("POST", "/uptime", "", "Accept", html);
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(notAllowed.body()).contains("<h1>Not allowed here</h1>").contains("href=\"/\"");

        for (String path : new String[] {"/api/v1/nope", "/api/v1/incidents/999999"}) {
            Http.Response api = http.get(path, "Accept", html);
            assertThat(api.status()).as(path).isEqualTo(404);
            assertThat(api.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(api.json().get("id").asText()).isEqualTo("not_found");
        }
        Http.Response json = http.get("/no-such-page");
        assertThat(json.header("Content-Type")).as("without Accept: text/html, no page").startsWith("application/json");
        assertThat(json.json().get("id").asText()).isEqualTo("not_found");
    }

    @Test
    void the_incident_page_lists_every_update_with_time_status_rendered_text_and_components() {
        String page = http.get("/incidents/" + incident).body();
        assertThat(page).contains("API down").contains("lasted 3\u00a0h\u00a00\u00a0min").contains("Looking <strong>hard</strong>.")
                .contains("Resolved").contains("critical impact");
        String flow = http.get("/incidents/" + live).body();
        assertThat(flow).contains("Fixed.").contains("Resolved").contains("Investigating")
                .contains("Web: Operational → Degraded performance").contains("Web: Degraded performance → Operational");
        assertThat(flow.indexOf("Fixed.")).as("newest first").isLessThan(flow.indexOf("Looking."));
    }

    @Test
    void history_is_grouped_by_month_and_paged() {
        String page = http.get("/history").body();
        YearMonth month = YearMonth.from(Instant.now().minus(Duration.ofDays(5)).atZone(ZoneOffset.UTC));
        assertThat(page).contains(month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                .contains("/incidents/" + incident).contains("3\u00a0h\u00a00\u00a0min");
        assertThat(http.get("/history?page=2").status()).isEqualTo(200);
        assertThat(http.get("/history?page=0").status()).isEqualTo(400);
    }

    @Test
    void the_monthly_uptime_page_shows_each_day_of_a_component() {
        String page = http.get("/components/api/uptime").body();
        assertThat(page).contains("API:").contains("Uptime this month").contains("<table class=\"days\">");
        assertThat(http.get("/components/api/uptime?month=1999-01").status()).isEqualTo(400);
        assertThat(http.get("/components/nope/uptime").status()).isEqualTo(404);
    }

    @Test
    void branding_comes_from_configuration_and_is_self_hosted() {
        String home = http.get("/").body();
        assertThat(home).contains("Acme Status").contains("href=\"https://example.com/help\"").contains(">Terms<")
                .contains("src=\"/brand/logo\"");
        assertThat(home).doesNotContainPattern("(src|href)=\"https?://(?!example\\.com)");
        String brand = http.get("/assets/brand.css").body();
        assertThat(brand).contains("--accent: #aa3366");
        assertThat(brand).as("links get a colour of the brand's hue that reads in each theme")
                .contains("--link: " + Contrast.readableOn("#aa3366", "#000000", "#ffffff", "#f7fafc"))
                .contains("prefers-color-scheme: dark) { :root { --link: " + Contrast.readableOn("#aa3366", "#ffffff", "#14161f", "#1e2230"));
        Http.Response logo = http.get("/brand/logo");
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.header("Content-Type")).startsWith("image/svg+xml");
    }

    @Test
    void the_live_fragment_is_only_the_part_that_changes() {
        Http.Response fragment = http.get("/", "X-Upbeat-Fragment", "live");
        assertThat(fragment.body()).doesNotContain("<html").doesNotContain("<header").contains("Systems");
        assertThat(fragment.header("Vary")).contains("X-Upbeat-Fragment");
    }

    @Test
    void pages_are_cacheable_with_the_snapshot_version_as_etag() {
        Http.Response page = http.get("/uptime");
        assertThat(http.get("/uptime", "If-None-Match", page.header("ETag")).status()).isEqualTo(304);
    }
}
