package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets its own 4xx in the one error shape, and changes nothing. */
class BadInputTest {
    static TestUpbeat t;
    static Http http;
    static final String AUTH = "Bearer " + TestUpbeat.ADMIN_TOKEN;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        assertThat(http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static void assertError(Http.Response r, int status, String id, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
    }

    private static int componentCount() {
        return http.get("/api/v1/components").json().size();
    }

    @Test
    void writes_without_a_token_or_with_a_wrong_one_are_401() {
        int before = componentCount();
        assertError(http.raw("POST", "/api/v1/components", "{\"name\":\"X\"}", "Content-Type", "application/json"), 401, "unauthorized", null);
        assertError(http.raw("POST", "/api/v1/components", "{\"name\":\"X\"}", "Authorization", "Bearer nope"), 401, "unauthorized", null);
        assertError(http.raw("POST", "/api/v1/components", "{\"name\":\"X\"}", "Authorization", "Basic Zm9vOmJhcg=="), 401, "unauthorized", null);
        Http.Response r = http.raw("DELETE", "/api/v1/components/api", null);
        assertError(r, 401, "unauthorized", null);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(componentCount()).isEqualTo(before);
    }

    @Test
    void malformed_json_is_400_naming_where() {
        Http.Response r = http.post("/api/v1/components", "{\"name\": \"X\",");
        assertError(r, 400, "bad_request", null);
        assertThat(r.json().get("message").asText()).contains("Malformed JSON").contains("line 1");
        assertError(http.post("/api/v1/components", "[1,2]"), 400, "bad_request", null);
        assertError(http.post("/api/v1/components", ""), 400, "bad_request", null);
    }

    @Test
    void unknown_fields_and_wrong_types_are_400_naming_the_field() {
        Http.Response unknown = http.post("/api/v1/components", "{\"name\":\"X\",\"colour\":\"red\"}");
        assertError(unknown, 400, "bad_request", "colour");
        assertThat(unknown.json().get("message").asText()).contains("known fields").contains("name");
        assertError(http.post("/api/v1/components", "{\"name\":[\"X\"]}"), 400, "bad_request", "name");
        assertError(http.post("/api/v1/components", "{\"name\":\"X\",\"position\":\"first\"}"), 400, "bad_request", "position");
        assertError(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"started_at\":\"yesterday\"}"), 400, "bad_request", "started_at");
    }

    @Test
    void failed_validation_is_422_naming_the_field() {
        int incidentsBefore = http.get("/api/v1/incidents?per_page=100").json().size();
        assertError(http.post("/api/v1/components", "{\"name\":\"   \"}"), 422, "invalid_params", "name");
        assertError(http.post("/api/v1/components", "{\"name\":\"" + "x".repeat(101) + "\"}"), 422, "invalid_params", "name");
        Http.Response impact = http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"impact\":\"apocalyptic\"}");
        assertError(impact, 422, "invalid_params", "impact");
        assertThat(impact.json().get("message").asText()).contains("none, minor, major, critical").contains("apocalyptic");
        assertError(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"components\":{\"api\":\"on_fire\"}}"),
                422, "invalid_params", "components.api");
        assertError(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"started_at\":\"2999-01-01T00:00:00Z\"}"),
                422, "invalid_params", "started_at");
        assertError(http.post("/api/v1/maintenances", "{\"title\":\"T\",\"message\":\"m\",\"scheduled_for\":\"2099-01-01T02:00\","
                + "\"scheduled_until\":\"2099-01-01T01:00\"}"), 422, "invalid_params", "scheduled_until");
        assertError(http.post("/api/v1/maintenances", "{\"title\":\"T\",\"message\":\"m\",\"scheduled_for\":\"2099-01-01T02:00\","
                + "\"scheduled_until\":\"2099-01-01T03:00\",\"time_zone\":\"Mars/Olympus\"}"), 422, "invalid_params", "time_zone");
        assertThat(http.get("/api/v1/incidents?per_page=100").json()).hasSize(incidentsBefore);
    }

    @Test
    void unknown_ids_are_404() {
        assertError(http.get("/api/v1/components/nope"), 404, "not_found", null);
        assertError(http.get("/api/v1/incidents/999999"), 404, "not_found", null);
        assertError(http.get("/api/v1/incidents/abc"), 404, "not_found", null);
        assertError(http.post("/api/v1/incidents/424242/updates", "{\"message\":\"m\"}"), 404, "not_found", null);
        assertError(http.patch("/api/v1/components/nope", "{\"name\":\"Y\"}"), 404, "not_found", null);
        assertError(http.get("/api/v1/no-such-route"), 404, "not_found", null);
    }

    @Test
    void impossible_transitions_are_409() {
        long id = http.post("/api/v1/incidents", "{\"title\":\"Done\",\"message\":\"m\",\"status\":\"resolved\"}").json().get("id").asLong();
        Http.Response r = http.post("/api/v1/incidents/" + id + "/updates", "{\"status\":\"investigating\",\"message\":\"again\"}");
        assertError(r, 409, "conflict", null);
        assertError(http.post("/api/v1/components", "{\"name\":\"Dup\",\"id\":\"api\"}"), 409, "conflict", null);
    }

    @Test
    void a_body_over_one_mebibyte_is_413_and_stores_nothing() {
        int before = componentCount();
        String huge = "{\"name\":\"Big\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
        assertError(http.post("/api/v1/components", huge), 413, "payload_too_large", null);
        assertThat(componentCount()).isEqualTo(before);
    }

    @Test
    void a_non_json_content_type_is_415() {
        assertError(http.raw("POST", "/api/v1/components", "name=X", "Authorization", AUTH,
                "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_media_type", null);
    }

    @Test
    void hostile_text_is_stored_as_written_and_never_rendered_as_markup() {
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))";
        var body = dev.upbeat.json.Json.mapper().createObjectNode()
                .put("title", "<b>T</b><script>x()</script>").put("message", hostile);
        Http.Response r = http.post("/api/v1/incidents", body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("updates").get(0).get("message").asText()).isEqualTo(hostile);
        String page = http.get("/").body();
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img").doesNotContain("href=\"javascript")
                .doesNotContain("<script>x()").contains("&lt;b&gt;T&lt;/b&gt;");
        http.post("/api/v1/incidents/" + r.json().get("id").asLong() + "/resolve", null);
    }
}
