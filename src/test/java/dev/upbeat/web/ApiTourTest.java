package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A walk through the answers the other tests seldom meet (reordering, group and maintenance
 * changes, schedules, the drill list, deletes, advisory reads and replacements), so each success
 * the API's description promises is held to a real answer at least once. The checking is the test
 * client's (ApiContract); the statuses are asserted here.
 */
class ApiTourTest {
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

    /** A wall-clock time without an offset ({@code 2026-12-01T02:00}), {@code days} from now at {@code hour}. */
    private static String local(int days, int hour) {
        return java.time.LocalDate.now().plusDays(days).atTime(hour, 0).toString();
    }

    private static Http.Response read(String path) {
        return http.get(path, "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
    }

    private static Http.Response expect(int status, Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    @Test
    void components_and_groups_through_their_whole_life() {
        expect(201, http.post("/api/v1/groups", "{\"name\":\"Data\",\"description\":\"Stores\",\"position\":1}"));
        expect(201, http.post("/api/v1/groups", "{\"name\":\"Edge\"}"));
        expect(201, http.post("/api/v1/components", "{\"name\":\"Postgres\",\"group\":\"Data\"}"));
        expect(201, http.post("/api/v1/components", "{\"name\":\"CDN\",\"group\":\"edge\",\"only_show_if_degraded\":true}"));
        expect(200, http.patch("/api/v1/components/postgres", "{\"description\":\"Primary\",\"position\":2}"));
        expect(200, http.put("/api/v1/components/postgres/status", "{\"status\":\"degraded_performance\"}"));
        expect(204, http.put("/api/v1/components/order", "{\"ids\":[\"cdn\",\"postgres\"]}"));
        expect(200, http.patch("/api/v1/groups/data", "{\"description\":\"\"}"));
        expect(204, http.put("/api/v1/groups/order", "{\"ids\":[\"edge\",\"data\"]}"));
        JsonNode group = expect(200, http.get("/api/v1/groups/data")).json();
        assertThat(group.get("status").asText()).isEqualTo("degraded_performance");
        String etag = expect(200, http.get("/api/v1/groups/data")).header("ETag");
        expect(304, http.get("/api/v1/groups/data", "If-None-Match", etag));
        expect(200, http.raw("HEAD", "/api/v1/components/cdn", null));
        expect(204, http.delete("/api/v1/groups/edge"));
        expect(204, http.delete("/api/v1/components/cdn"));
        expect(404, http.get("/api/v1/components/cdn"));
    }

    @Test
    void incidents_and_maintenance_are_corrected_updated_and_closed() {
        expect(201, http.post("/api/v1/components", "{\"name\":\"Web\"}"));
        long incident = expect(201, http.post("/api/v1/incidents", "{\"title\":\"Slow\",\"message\":\"Looking\","
                + "\"components\":{\"web\":\"partial_outage\"}}")).json().get("id").asLong();
        expect(200, http.patch("/api/v1/incidents/" + incident, "{\"title\":\"Slow pages\",\"impact\":\"minor\"}"));
        expect(200, http.get("/api/v1/incidents?status=open&page=1&per_page=1"));
        expect(200, http.post("/api/v1/incidents/" + incident + "/resolve", "{\"message\":\"Fixed\"}"));
        expect(201, http.post("/api/v1/incidents/" + incident + "/updates", "{\"status\":\"postmortem\",\"message\":\"What happened\"}"));

        String from = Instant.now().plus(Duration.ofDays(1)).toString();
        String until = Instant.now().plus(Duration.ofDays(2)).toString();
        long first = expect(201, http.post("/api/v1/maintenances", "{\"title\":\"Upgrade\",\"message\":\"Brief resets\",\"components\":[\"web\"],"
                + "\"scheduled_for\":\"" + from + "\",\"scheduled_until\":\"" + until + "\"}")).json().get("id").asLong();
        expect(200, http.patch("/api/v1/maintenances/" + first, "{\"title\":\"Database upgrade\",\"auto_start\":false}"));
        expect(200, http.get("/api/v1/maintenances/" + first));
        expect(200, http.get("/api/v1/maintenances?status=scheduled"));
        expect(200, http.post("/api/v1/maintenances/" + first + "/start", null));
        expect(201, http.post("/api/v1/maintenances/" + first + "/updates", "{\"status\":\"verifying\",\"message\":\"Checking\"}"));
        expect(200, http.post("/api/v1/maintenances/" + first + "/complete", "{\"message\":\"Done\"}"));
        long second = expect(201, http.post("/api/v1/maintenances", "{\"title\":\"Move\",\"message\":\"m\",\"time_zone\":\"Europe/Paris\","
                + "\"scheduled_for\":\"" + local(30, 2) + "\",\"scheduled_until\":\"" + local(30, 3) + "\"}")).json().get("id").asLong();
        expect(200, http.post("/api/v1/maintenances/" + second + "/cancel", null));
        expect(200, http.get("/api/v1/uptime"));
        expect(200, http.get("/api/v1/components/web/uptime"));
    }

    @Test
    void schedules_and_drills_are_listed_and_removed() {
        expect(201, http.post("/api/v1/simulator/targets", "{\"name\":\"pay\",\"listen\":\"127.0.0.1:0\"}"));
        long schedule = expect(201, http.post("/api/v1/simulator/targets/pay/schedules", "{\"cron\":\"0 3 * * 1\",\"time_zone\":\"UTC\","
                + "\"duration\":\"PT15M\",\"faults\":[{\"type\":\"latency\",\"min\":\"PT0.1S\",\"max\":\"PT0.2S\"},"
                + "{\"type\":\"status\",\"status\":503,\"percentage\":50,\"match\":{\"path\":\"/api/*\"}}]}")).json().get("id").asLong();
        expect(200, read("/api/v1/simulator/schedules"));
        expect(200, read("/api/v1/simulator/simulations?target=pay&limit=5"));
        expect(204, http.delete("/api/v1/simulator/schedules/" + schedule));
        expect(200, read("/api/v1/drills?limit=5"));
        expect(204, http.delete("/api/v1/simulator/targets/pay"));
    }

    @Test
    void inventories_advisories_and_action_items_are_read_replaced_and_moved() {
        expect(201, http.post("/api/v1/simulator/targets", "{\"name\":\"ledger-db\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"127.0.0.1:5432\"}"));
        expect(201, http.post("/api/v1/components", "{\"name\":\"Ledger\",\"tier\":1,\"exposure\":\"internal\","
                + "\"owner\":{\"team\":\"Core\",\"channel\":\"email\",\"address\":\"core@example.com\"}}"));
        expect(200, http.patch("/api/v1/components/ledger", "{\"owner\":{\"team\":\"\"}}"));
        expect(201, http.post("/api/v1/components/ledger/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}"));
        expect(200, read("/api/v1/components/ledger/packages"));
        expect(200, http.put("/api/v1/components/ledger/dependencies", "{\"targets\":[\"ledger-db\"]}"));
        expect(200, read("/api/v1/components/ledger/dependencies"));

        long advisory = expect(201, http.post("/api/v1/advisories", "{\"title\":\"OpenSSL 3.0\",\"severity\":\"high\","
                + "\"affected\":[{\"purl\":\"pkg:generic/openssl\"}]}")).json().get("id").asLong();
        expect(200, read("/api/v1/advisories"));
        expect(200, read("/api/v1/advisories/" + advisory));
        expect(200, http.put("/api/v1/advisories/" + advisory, "{\"title\":\"OpenSSL 3.0\",\"severity\":\"critical\","
                + "\"disclosure_at\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\",\"summary\":\"Buffer overrun\","
                + "\"affected\":[{\"purl\":\"pkg:generic/openssl\",\"vers\":\"vers:generic/>=3.0.0|<3.0.7\"}]}"));
        expect(200, read("/api/v1/advisories/" + advisory + "/exposure"));
        JsonNode item = expect(200, read("/api/v1/advisories/" + advisory + "/actions")).json().get("actions").get(0);
        expect(200, http.patch("/api/v1/advisories/" + advisory + "/actions/" + item.get("id").asLong(),
                "{\"state\":\"wont_fix\",\"reason\":\"Behind the gateway\"}"));
        expect(404, read("/api/v1/advisories/" + (advisory + 1000) + "/actions"));

        expect(204, http.raw("DELETE", "/api/v1/components/ledger/packages?purl=pkg:generic/openssl@3.0.5", null,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN));
        expect(404, read("/api/v1/components/nowhere/packages"));
        expect(404, read("/api/v1/components/nowhere/dependencies"));
    }
}
