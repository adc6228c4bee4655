package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON write route, taken from the route table so a new one is covered without being
 * listed, answers a hostile body with a 4xx in the one error shape, and writes nothing.
 */
class HostileBodiesTest {
    /**
     * Written by background work (probe roll-ups, settings made once, each instance's listener
     * heartbeat) rather than by a request.
     */
    private static final Set<String> BACKGROUND_TABLES = Set.of("probe_results", "probe_rollups", "settings", "sessions",
            "sim_listeners");
    private static final List<String> HOSTILE = List.of(
            "null",
            "{\"x\":" + "9".repeat(5_000) + "}",
            "{\"" + "k".repeat(100_000) + "\":1}",
            "[".repeat(100) + "]".repeat(100),
            "1e20",
            "\"text\"",
            "[null]");

    static TestUpbeat t;
    static Http http;
    static Map<String, String> ids;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_PROBE_TICK", "PT1H"));
        http = t.http;
        created(http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}"));
        String incident = created(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\"}"));
        String from = Instant.now().plus(Duration.ofDays(1)).toString();
        String until = Instant.now().plus(Duration.ofDays(2)).toString();
        String maintenance = created(http.post("/api/v1/maintenances", "{\"title\":\"M\",\"message\":\"m\",\"scheduled_for\":\""
                + from + "\",\"scheduled_until\":\"" + until + "\"}"));
        created(http.post("/api/v1/probes", "{\"name\":\"p\",\"url\":\"http://127.0.0.1:9/\",\"component\":\"api\"}"));
        created(http.post("/api/v1/simulator/targets", "{\"name\":\"t\",\"listen\":\"127.0.0.1:0\"}"));
        ids = Map.of("components", "api", "groups", "tools", "incidents", incident, "maintenances", maintenance,
                "probes", "p", "targets", "t");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static String created(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json().path("id").asText();
    }

    /** A path with each parameter replaced by a real id, so the body is what decides the answer. */
    private static String fill(String path) {
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                parts[i] = ids.getOrDefault(parts[i - 1], "424242");
            }
        }
        return String.join("/", parts);
    }

    private static List<String> writeRoutes() {
        return t.upbeat.routes().stream()
                .filter(r -> r.path().startsWith("/api/") && Set.of("POST", "PUT", "PATCH").contains(r.method()))
                .map(r -> r.method() + " " + r.path()).toList();
    }

    @Test
    void every_json_write_route_refuses_each_hostile_body_with_a_4xx_and_writes_nothing() {
        List<String> routes = writeRoutes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(25).contains("POST /api/v1/subscribers", "PATCH /api/v1/probes/{id}");
        String before = database();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(route.substring(route.indexOf(' ') + 1));
            for (String body : HOSTILE) {
                Http.Response r = http.raw(method, path, body, "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN,
                        "Content-Type", "application/json");
                String what = route + " with " + (body.length() > 40 ? body.substring(0, 40) + "..." : body) + ": " + r;
                assertThat(r.status()).as(what).isBetween(400, 499);
                assertThat(r.header("Content-Type")).as(what).startsWith("application/json");
                assertThat(r.json().get("id").asText()).as(what).isNotBlank();
                assertThat(r.json().get("message").asText()).as(what).isNotBlank().doesNotContain("StreamReadConstraints");
            }
        }
        assertThat(database()).isEqualTo(before);
    }

    private static void assertRefused(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    }

    private static Http.Response openIncident(String field, String instant) {
        return http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"status\":\"resolved\",\"" + field + "\":" + instant + "}");
    }

    @Test
    void instants_that_cannot_be_stored_or_make_no_sense_are_refused_naming_the_field() {
        String before = database();
        assertRefused(openIncident("started_at", "\"-999999999-01-01T00:00:00Z\""), 400, "started_at");
        assertRefused(openIncident("started_at", "\"+999999999-01-01T00:00Z\""), 400, "started_at");
        assertRefused(openIncident("started_at", "1e20"), 400, "started_at");
        assertRefused(openIncident("started_at", "\"0001-01-01T00:00:00Z\""), 422, "started_at");
        assertRefused(openIncident("started_at", "\"1969-12-31T23:59:59Z\""), 422, "started_at");
        assertRefused(openIncident("resolved_at", "\"0001-01-01T00:00:00Z\""), 422, "resolved_at");
        assertRefused(http.patch("/api/v1/incidents/" + ids.get("incidents"), "{\"started_at\":\"0001-01-01T00:00:00Z\"}"),
                422, "started_at");
        String later = "\"scheduled_until\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"";
        assertRefused(http.post("/api/v1/maintenances", "{\"title\":\"M\",\"message\":\"m\",\"scheduled_for\":"
                + "\"-999999999-01-01T00:00\"," + later + "}"), 422, "scheduled_for");
        assertRefused(http.post("/api/v1/maintenances", "{\"title\":\"M\",\"message\":\"m\",\"scheduled_for\":"
                + "\"2026-01-01T00:00\",\"scheduled_until\":\"+999999999-12-31T23:59\"}"), 422, "scheduled_until");
        assertRefused(http.patch("/api/v1/maintenances/" + ids.get("maintenances"), "{\"scheduled_for\":\"0001-01-01T00:00\"}"),
                422, "scheduled_for");
        assertThat(database()).isEqualTo(before);
    }

    @Test
    void numbers_for_text_or_instants_nulls_in_lists_and_near_json_types_are_refused() {
        String before = database();
        assertRefused(http.post("/api/v1/incidents", "{\"title\":123,\"message\":\"m\"}"), 400, "title");
        assertRefused(http.post("/api/v1/components", "{\"name\":true}"), 400, "name");
        assertRefused(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"components\":{\"api\":1}}"),
                400, "components.api");
        assertRefused(openIncident("started_at", "1700000000"), 400, "started_at");
        assertRefused(openIncident("started_at", "\"1700000000\""), 400, "started_at");
        assertRefused(http.put("/api/v1/components/order", "{\"ids\":[null]}"), 400, "ids[0]");
        assertRefused(http.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"m\",\"components\":{\"api\":null}}"),
                400, "components.api");
        for (String type : List.of("application/jsonp", "application/json-patch+json", "text/json")) {
            Http.Response r = http.raw("POST", "/api/v1/components", "{\"name\":\"X\"}", "Authorization",
                    "Bearer " + TestUpbeat.ADMIN_TOKEN, "Content-Type", type);
            assertThat(r.status()).as(type + ": " + r).isEqualTo(415);
        }
        assertThat(database()).isEqualTo(before);
        Http.Response withCharset = http.raw("POST", "/api/v1/components", "{\"name\":\"Charset\"}", "Authorization",
                "Bearer " + TestUpbeat.ADMIN_TOKEN, "Content-Type", "Application/JSON; charset=utf-8");
        assertThat(withCharset.status()).as(withCharset.toString()).isEqualTo(201);
    }

    @Test
    void a_port_over_65535_is_refused_wherever_a_url_is_saved() {
        String before = database();
        assertRefused(http.post("/api/v1/probes", "{\"name\":\"q\",\"url\":\"tcp://127.0.0.1:99999\",\"component\":\"api\"}"),
                422, "url");
        assertRefused(http.post("/api/v1/simulator/targets", "{\"name\":\"u\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"http://127.0.0.1:99999/\"}"), 422, "upstream");
        assertRefused(http.post("/api/v1/drills", "{\"target\":\"t\",\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT1M\","
                + "\"checks\":[{\"url\":\"http://127.0.0.1:99999/health\"}]}"), 422, "checks[0].url");
        assertThat(database()).isEqualTo(before);
    }

    /** Every row of every table a request can write, as text. */
    private static String database() {
        return t.upbeat.database().read(tx -> {
            Map<String, Object> tables = new TreeMap<>();
            for (String table : tx.handle().createQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                    .mapTo(String.class).list()) {
                if (!BACKGROUND_TABLES.contains(table)) {
                    List<Map<String, Object>> rows = tx.handle().createQuery("SELECT * FROM " + table + " ORDER BY 1").mapToMap().list();
                    // The runner's bookkeeping moves on its own; the probe's definition must not.
                    rows.forEach(row -> row.keySet().removeAll(Set.of("next_run_at", "rolled_until")));
                    tables.put(table, rows);
                }
            }
            return tables.toString();
        });
    }
}
