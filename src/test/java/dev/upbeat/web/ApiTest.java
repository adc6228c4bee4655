package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native API through the real HTTP server, as a curl user or a script would use it. */
class ApiTest {
    /** Maintenance may be scheduled at most five years ahead; July, so Paris is on summer time. */
    static final int NEXT_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    static TestUpbeat t;
    static Http http;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static String createComponent(String name, String group) {
        Http.Response r = http.post("/api/v1/components", "{\"name\":\"" + name + "\",\"group\":\"" + group + "\",\"description\":\"d\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void creating_a_component_answers_201_with_a_slug_id_and_operational_status() {
        Http.Response r = http.post("/api/v1/components", "{\"name\":\"Public API\",\"group\":\"Tools\",\"description\":\"REST\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("id").asText()).isEqualTo("public-api");
        assertThat(r.json().get("status").asText()).isEqualTo("operational");
        assertThat(r.header("Location")).isEqualTo("/api/v1/components/public-api");
        JsonNode list = http.get("/api/v1/components").json();
        assertThat(list.isArray()).isTrue();
        JsonNode api = find(list, "public-api");
        assertThat(api.get("name").asText()).isEqualTo("Public API");
        assertThat(api.get("group").asText()).isEqualTo("Tools");
        assertThat(api.get("status").asText()).isEqualTo("operational");
        assertThat(api.has("only_show_if_degraded")).isTrue();
    }

    @Test
    void an_incident_opened_in_one_call_sets_its_components_and_resolving_returns_them_to_operational() {
        String id = createComponent("Router", "Apps");
        Http.Response opened = http.post("/api/v1/incidents", """
                {"title":"Router errors","status":"investigating","impact":"major","message":"Looking.",
                 "components":{"%s":"major_outage"}}""".formatted(id));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long incident = opened.json().get("id").asLong();
        assertThat(find(http.get("/api/v1/components").json(), id).get("status").asText()).isEqualTo("major_outage");

        Http.Response update = http.post("/api/v1/incidents/" + incident + "/updates",
                "{\"status\":\"identified\",\"message\":\"Found it.\",\"components\":{\"" + id + "\":\"partial_outage\"}}");
        assertThat(update.status()).isEqualTo(201);
        assertThat(find(http.get("/api/v1/components").json(), id).get("status").asText()).isEqualTo("partial_outage");

        Http.Response resolved = http.post("/api/v1/incidents/" + incident + "/updates", "{\"status\":\"resolved\",\"message\":\"Fixed.\"}");
        assertThat(resolved.status()).isEqualTo(201);
        assertThat(find(http.get("/api/v1/components").json(), id).get("status").asText()).isEqualTo("operational");

        JsonNode one = http.get("/api/v1/incidents/" + incident).json();
        assertThat(one.get("status").asText()).isEqualTo("resolved");
        assertThat(one.get("updates")).hasSize(3);
        assertThat(one.get("updates").get(0).get("status").asText()).as("newest first").isEqualTo("resolved");
        assertThat(one.get("url").asText()).isEqualTo("https://status.example.test/incidents/" + incident);
        assertThat(http.get("/api/v1/incidents?status=resolved").json()).anySatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(incident));
        assertThat(http.get("/api/v1/incidents?status=open").json()).noneSatisfy(n -> assertThat(n.get("id").asLong()).isEqualTo(incident));
    }

    @Test
    void incidents_are_paged_newest_first_with_a_total() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/v1/incidents", "{\"title\":\"Paged " + i + "\",\"message\":\"m\",\"status\":\"resolved\"}").status()).isEqualTo(201);
        }
        Http.Response page = http.get("/api/v1/incidents?per_page=2&page=1");
        assertThat(page.json()).hasSize(2);
        assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(page.header("Link")).contains("page=2").contains("rel=\"next\"");
        assertThat(http.get("/api/v1/incidents?per_page=500").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/incidents?status=exploded").json().get("field").asText()).isEqualTo("status");
    }

    @Test
    void maintenances_are_paged_latest_window_first_with_a_total() {
        for (int i = 0; i < 3; i++) {
            Http.Response created = http.post("/api/v1/maintenances", """
                    {"title":"Paged %d","message":"m","scheduled_for":"%d-0%d-01T02:00:00Z","scheduled_until":"%2$d-0%3$d-01T03:00:00Z"}"""
                    .formatted(i, NEXT_YEAR + 2, i + 1)); // later than any other test's window on this server
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        Http.Response page = http.get("/api/v1/maintenances?per_page=2&page=1");
        assertThat(page.json()).hasSize(2);
        assertThat(page.json().get(0).get("title").asText()).isEqualTo("Paged 2");
        assertThat(page.json().get(1).get("title").asText()).isEqualTo("Paged 1");
        int total = Integer.parseInt(page.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(page.header("Link")).contains("/api/v1/maintenances?page=2&per_page=2").contains("rel=\"next\"");
        assertThat(http.get("/api/v1/maintenances").json()).hasSize(Math.min(total, 20));
        assertThat(http.get("/api/v1/maintenances?status=scheduled&per_page=1").header("Link")).contains("&status=scheduled");
        assertThat(http.get("/api/v1/maintenances?per_page=101").status()).isEqualTo(400);
    }

    @Test
    void every_time_in_every_answer_is_utc_to_the_millisecond() {
        String id = createComponent("Clock", "Tools");
        http.post("/api/v1/incidents", "{\"title\":\"Slow\",\"message\":\"Hm.\",\"components\":{\"" + id + "\":\"partial_outage\"}}");
        List<String> times = new ArrayList<>();
        for (String path : List.of("/api/v1/status", "/api/v1/components", "/api/v1/incidents", "/api/v1/maintenances",
                "/api/v1/groups", "/healthz")) {
            collectTimes(http.get(path).json(), times);
        }
        assertThat(times).isNotEmpty().allMatch(v -> v.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    /** Every text value that starts like an ISO 8601 date-time. */
    private static void collectTimes(JsonNode node, List<String> into) {
        if (node.isTextual() && node.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            into.add(node.asText());
        }
        node.forEach(child -> collectTimes(child, into));
    }

    @Test
    void maintenance_is_scheduled_in_its_time_zone_and_can_be_started_and_completed() {
        String db = createComponent("Database", "Data");
        Http.Response scheduled = http.post("/api/v1/maintenances", """
                {"title":"Upgrade","message":"Planned.","components":["%s"],"scheduled_for":"%2$d-07-01T02:00",
                 "scheduled_until":"%2$d-07-01T03:00","time_zone":"Europe/Paris"}""".formatted(db, NEXT_YEAR));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.json().get("scheduled_for").asText()).isEqualTo(NEXT_YEAR + "-07-01T00:00:00.000Z");
        long id = scheduled.json().get("id").asLong();
        assertThat(scheduled.json().get("started_at").isNull()).as("a window not yet begun has no start").isTrue();

        Http.Response started = http.post("/api/v1/maintenances/" + id + "/start", null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("started_at").isNull()).isFalse();
        assertThat(find(http.get("/api/v1/components").json(), db).get("status").asText()).isEqualTo("under_maintenance");
        assertThat(http.post("/api/v1/maintenances/" + id + "/complete", "{\"message\":\"Done.\"}").json().get("status").asText())
                .isEqualTo("completed");
        assertThat(find(http.get("/api/v1/components").json(), db).get("status").asText()).isEqualTo("operational");
        assertThat(http.post("/api/v1/maintenances/" + id + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void public_reads_carry_an_etag_and_cdn_friendly_cache_headers() {
        Http.Response first = http.get("/api/v1/components");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=").contains("stale-while-revalidate=").contains("stale-if-error=");
        assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.get("/api/v1/components", "If-None-Match", etag).status()).isEqualTo(304);

        createComponent("Etag Changer", "Tools");
        Http.Response after = http.get("/api/v1/components", "If-None-Match", etag);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void uptime_is_served_per_component_with_90_daily_entries() {
        String id = createComponent("Uptime Probe", "Tools");
        t.clock.advance(java.time.Duration.ofMinutes(5));
        t.upbeat.snapshots().rebuild();
        JsonNode uptime = http.get("/api/v1/components/" + id + "/uptime").json();
        assertThat(uptime.get("days")).hasSize(90);
        assertThat(uptime.get("previous_month").get("uptime_percent").isNull()).as("no data last month is unknown").isTrue();
        assertThat(uptime.get("last_30_days").get("uptime_percent").asDouble()).isEqualTo(100.0);
        assertThat(http.get("/api/v1/uptime").json()).anySatisfy(n -> assertThat(n.get("component_id").asText()).isEqualTo(id));
    }

    @Test
    void healthz_answers_200_once_ready() {
        Http.Response r = http.get("/healthz");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void the_home_page_shows_groups_components_and_statuses_in_words() {
        createComponent("Home Page Widget", "Apps");
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">").contains("Home Page Widget").contains("Operational");
        assertThat(http.get("/assets/upbeat.css").status()).isEqualTo(200);
    }

    @Test
    void prometheus_metrics_are_exposed_to_token_holders() {
        assertThat(http.get("/metrics", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).body()).contains("upbeat_snapshot_version");
        assertThat(http.get("/metrics").status()).isEqualTo(401);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("No " + id + " in " + list);
    }
}
