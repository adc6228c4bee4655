package dev.upbeat.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails where an answer or request departs from the description, and names where. */
class ApiContractTest {
    private static final String COMPONENT = "{\"id\":\"api\",\"name\":\"API\",\"group\":null,\"group_id\":null,\"description\":null,"
            + "\"position\":1,\"only_show_if_degraded\":false,\"status\":\"operational\","
            + "\"created_at\":\"2026-11-20T14:02:11.000Z\",\"updated_at\":\"2026-11-20T14:02:11.000Z\"}";
    /** A component as a write answers it, to a token holder: with its ownership, which public reads never show. */
    private static final String MANAGED = COMPONENT.replace("}", ",\"owner\":{\"team\":\"Payments\",\"channel\":\"email\","
            + "\"address\":\"pay@example.com\"},\"tier\":1,\"exposure\":\"internet\"}");
    private static final String ERROR = "{\"id\":\"not_found\",\"message\":\"No component with id 'x'\",\"field\":null,\"request_id\":\"r\"}";

    private static ApiContract.Exchange exchange(String method, String uri, String body, int status, String answer,
                                                 Map<String, String> headers) {
        return new ApiContract.Exchange(method, URI.create("http://h" + uri), "application/json", body, status, "application/json",
                answer, headers::get);
    }

    private static void check(String method, String uri, String body, int status, String answer) {
        ApiContract.get().check(exchange(method, uri, body, status, answer, Map.of("Location", "/api/v1/components/api",
                "X-Request-Id", "5c351b95c56bbee9", "ETag", "\"7\"", "Cache-Control", "public, max-age=10", "X-Total-Count", "0")));
    }

    @Test
    void a_conforming_exchange_passes() {
        assertThatCode(() -> check("GET", "/api/v1/components", null, 200, "[" + COMPONENT + "]")).doesNotThrowAnyException();
        assertThatCode(() -> check("POST", "/api/v1/components", "{\"name\":\"API\"}", 201, MANAGED)).doesNotThrowAnyException();
        assertThatCode(() -> check("GET", "/api/v1/components/x", null, 404, ERROR)).doesNotThrowAnyException();
        assertThatCode(() -> check("DELETE", "/api/v1/status", null, 405, ERROR.replace("not_found", "method_not_allowed")))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("GET", "/api/v1/nope", null, 404, ERROR)).doesNotThrowAnyException();
    }

    @Test
    void a_wrong_field_in_an_answer_is_named_by_its_pointer() {
        assertThatThrownBy(() -> check("GET", "/api/v1/components", null, 200, "[" + COMPONENT.replace("\"position\":1", "\"position\":\"1\"") + "]"))
                .hasMessageContaining("GET /api/v1/components (get_components)").hasMessageContaining("/0/position");
        assertThatThrownBy(() -> check("GET", "/api/v1/components/api", null, 200, COMPONENT.replace("}", ",\"extra\":1}")))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> check("GET", "/api/v1/components/api", null, 200, MANAGED)).as("ownership is never public")
                .hasMessageContaining("owner");
    }

    @Test
    void an_undocumented_status_path_or_method_fails() {
        assertThatThrownBy(() -> check("GET", "/api/v1/status", null, 418, ERROR)).hasMessageContaining("418");
        assertThatThrownBy(() -> check("GET", "/api/v1/nope", null, 200, "{}")).hasMessageContaining("not in the API description");
        assertThatThrownBy(() -> check("DELETE", "/api/v1/status", null, 204, "")).hasMessageContaining("not in the API description");
    }

    @Test
    void a_successful_request_must_match_its_schema_and_an_error_the_error_shape() {
        assertThatThrownBy(() -> check("POST", "/api/v1/components", "{\"name\":\"API\",\"colour\":\"red\"}", 201, MANAGED))
                .hasMessageContaining("the request body").hasMessageContaining("colour");
        assertThatThrownBy(() -> check("GET", "/api/v1/components/x", null, 404, "{\"error\":\"x\"}"))
                .hasMessageContaining("required property 'id' not found");
        assertThatThrownBy(() -> check("GET", "/api/v1/incidents?sort=asc", null, 200, "[]")).hasMessageContaining("'sort'");
        assertThatThrownBy(() -> ApiContract.get().check(exchange("POST", "/api/v1/components", "{\"name\":\"API\"}", 201, MANAGED,
                Map.of("X-Request-Id", "r")))).hasMessageContaining("without the Location header");
        assertThatThrownBy(() -> ApiContract.get().check(exchange("GET", "/api/v1/status", null, 304, "", Map.of("ETag", "\"7\"",
                "X-Request-Id", "not a request id")))).hasMessageContaining("X-Request-Id");
        assertThatThrownBy(() -> check("GET", "/api/v1/incidents?per_page=0", null, 200, "[]")).hasMessageContaining("'per_page'");
        assertThatThrownBy(() -> check("DELETE", "/api/v1/simulator/schedules/abc", null, 204, "")).hasMessageContaining("'id'");
        assertThatCode(() -> check("DELETE", "/api/v1/simulator/schedules/12", null, 204, "")).doesNotThrowAnyException();
    }
}
