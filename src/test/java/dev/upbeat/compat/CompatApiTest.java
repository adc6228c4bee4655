package dev.upbeat.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Heroku and Statuspage endpoints through the real HTTP server, as the CLI, a bot or a widget calls them. */
class CompatApiTest {
    static final List<String> ENDPOINTS = List.of("/api/v4/current-status", "/api/v4/incidents", "/api/v4/incidents?limit=1",
            "/api/v3/current-status", "/api/v3/current-status.json", "/api/v3/issues", "/api/v3/issues?since=2020-01-01&limit=5",
            "/api/v2/status.json", "/api/v2/summary.json", "/api/v2/components.json", "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json");

    static TestUpbeat t;
    static Http http;
    static long incident;
    static long maintenance;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        created(http.post("/api/v1/components", "{\"name\":\"Router\",\"group\":\"Apps\"}"));
        created(http.post("/api/v1/components", "{\"name\":\"Postgres\",\"group\":\"Data\"}"));
        created(http.post("/api/v1/components", "{\"name\":\"Docs\"}"));
        incident = created(http.post("/api/v1/incidents", """
                {"title":"Elevated router errors","impact":"major","message":"We are **investigating**.",
                 "components":{"router":"major_outage"}}""")).get("id").asLong();
        created(http.post("/api/v1/incidents/" + incident + "/updates", "{\"status\":\"identified\",\"message\":\"Found it.\"}"));
        maintenance = created(http.post("/api/v1/maintenances", """
                {"title":"Database upgrade","message":"Planned.","components":["postgres"],
                 "scheduled_for":"%1$d-07-01T02:00Z","scheduled_until":"%1$d-07-01T03:00Z"}""".formatted(
                java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1))).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static JsonNode created(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void every_compatible_endpoint_answers_200_json_with_cors_and_an_etag() {
        for (String path : ENDPOINTS) {
            Http.Response r = http.get(path, "Origin", "https://widget.example.net");
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(r.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(r.header("Cache-Control")).as(path).contains("max-age=");
            assertThat(http.get(path, "If-None-Match", r.header("ETag")).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void every_compatible_body_has_the_spec_fields_with_their_types() {
        for (String path : ENDPOINTS) {
            JsonNode body = http.get(path).json();
            if (path.startsWith("/api/v2/")) {
                SpecFields.checkStatuspage(body);
            } else if (path.startsWith("/api/v4/")) {
                SpecFields.checkHeroku(body);
            } else {
                SpecFields.checkHerokuLegacy(body);
            }
        }
        SpecFields.checkHeroku(Json.mapper().createArrayNode().add(http.get("/api/v4/incidents/" + maintenance).json()));
        SpecFields.checkHerokuLegacy(http.get("/api/v3/issues/" + maintenance).json());
    }

    @Test
    void heroku_current_status_shows_each_group_and_the_open_incident_with_its_updates_newest_first() {
        JsonNode body = http.get("/api/v4/current-status").json();
        assertThat(body.get("status").toString()).isEqualTo(
                "[{\"system\":\"Apps\",\"status\":\"red\"},{\"system\":\"Data\",\"status\":\"green\"},{\"system\":\"Other\",\"status\":\"green\"}]");
        JsonNode open = body.get("incidents").get(0);
        SpecFields.check(open, SpecFields.HEROKU_ISSUE, "incident");
        assertThat(open.get("id").asLong()).isEqualTo(incident);
        assertThat(open.get("full_url").asText()).isEqualTo("https://status.example.test/incidents/" + incident);
        assertThat(open.get("updates").findValuesAsText("update_type")).containsExactly("update", "issue");
        assertThat(open.get("updates").get(1).get("contents").asText()).isEqualTo("We are investigating.");
        assertThat(body.get("scheduled").get(0).get("state").asText()).isEqualTo("upcoming");
    }

    @Test
    void heroku_incidents_are_a_bare_array_and_one_can_be_read_by_id() {
        assertThat(http.get("/api/v4/incidents?limit=1").json()).hasSize(1);
        JsonNode one = http.get("/api/v4/incidents/" + incident).json();
        assertThat(one.get("title").asText()).isEqualTo("Elevated router errors");
        assertThat(http.get("/api/v4/incidents/" + maintenance).json().get("state").asText()).isEqualTo("upcoming");
        assertThat(http.get("/api/v3/issues/" + maintenance).json().get("upcoming").asBoolean()).isTrue();
        assertThat(http.get("/api/v3/current-status.json").json().get("status").get("Production").asText()).isEqualTo("red");
    }

    @Test
    void statuspage_summary_carries_the_indicator_groups_and_open_work() {
        JsonNode summary = http.get("/api/v2/summary.json").json();
        assertThat(summary.get("status").toString()).isEqualTo("{\"indicator\":\"critical\",\"description\":\"Major System Outage\"}");
        assertThat(summary.get("page").get("url").asText()).isEqualTo("https://status.example.test");
        assertThat(summary.get("page").get("id").asText()).isEqualTo(StatuspageViews.pageId("https://status.example.test"));
        JsonNode apps = summary.get("components").get(0);
        assertThat(apps.get("group").asBoolean()).isTrue();
        assertThat(apps.get("components").toString()).isEqualTo("[\"router\"]");
        assertThat(summary.get("incidents").get(0).get("id").asText()).isEqualTo(Long.toString(incident));
        assertThat(summary.get("scheduled_maintenances").get(0).get("status").asText()).isEqualTo("scheduled");
        assertThat(http.get("/api/v2/scheduled-maintenances/active.json").json().get("scheduled_maintenances")).isEmpty();
    }

    @Test
    void unknown_ids_answer_404_in_our_error_shape() {
        for (String path : List.of("/api/v4/incidents/999999", "/api/v4/incidents/abc", "/api/v3/issues/999999")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("id").asText()).isEqualTo("not_found");
            assertThat(r.json().get("message").asText()).endsWith("with id '" + path.substring(path.lastIndexOf('/') + 1) + "'");
            assertThat(r.json().get("field").isNull()).isTrue();
        }
    }

    @Test
    void bad_query_parameters_are_refused_naming_the_parameter_and_large_limits_are_cut() {
        assertThat(http.get("/api/v4/incidents?limit=lots").json().get("field").asText()).isEqualTo("limit");
        assertThat(http.get("/api/v3/issues?since=yesterday").json().get("field").asText()).isEqualTo("since");
        assertThat(http.get("/api/v4/incidents?limit=100000").status()).isEqualTo(200);
    }

    @Test
    void heroku_current_status_answers_200_with_a_valid_body_on_an_empty_page() {
        try (TestUpbeat empty = TestUpbeat.started()) {
            Http.Response r = empty.http.get("/api/v4/current-status");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().toString()).isEqualTo("{\"status\":[],\"incidents\":[],\"scheduled\":[]}");
            assertThat(empty.http.get("/api/v2/summary.json").json().get("status").get("indicator").asText()).isEqualTo("none");
        }
    }
}
