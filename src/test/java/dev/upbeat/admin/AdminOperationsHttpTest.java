package dev.upbeat.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.AdminClient;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator and probe pages over HTTP, and API changes made with a token in the audit log. */
class AdminOperationsHttpTest {
    static final String PASSWORD = "a long enough password";
    static TestUpbeat t;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        t.http.post("/api/v1/components", "{\"name\":\"Checkout\"}");
        t.upbeat.admin().users().add("admin@example.com", "admin", PASSWORD);
        t.upbeat.admin().users().add("editor@example.com", "editor", PASSWORD);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** A token-only read. */
    static Http.Response api(String path) {
        return t.http.get(path, "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
    }

    @Test
    void an_admin_creates_a_tcp_target_and_starts_a_simulation_of_toxics_through_the_forms() {
        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        Http.Response created = admin.post("/admin/simulator/targets",
                Map.of("name", "ledger-db", "kind", "tcp", "listen", "127.0.0.1:0", "upstream", "127.0.0.1:5432"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(admin.get("/admin/simulator").body()).contains("<td>ledger-db</td><td>tcp</td>").contains("127.0.0.1:5432");

        Http.Response refused = admin.post("/admin/simulator/simulations", Map.of("target", "ledger-db", "duration", "10m"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).containsPattern("toxics_json\"[^>]*aria-invalid=\"true\"").contains("is a tcp target");

        Http.Response started = admin.post("/admin/simulator/simulations", Map.of("target", "ledger-db", "duration", "10m",
                "toxics_json", "[{\"type\":\"latency\",\"attributes\":{\"latency\":200}}]"));
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        JsonNode live = api("/api/v1/simulator/targets/ledger-db").json().get("live_simulation");
        assertThat(live.get("toxics").get(0).get("attributes").get("latency").asLong()).isEqualTo(200);
        assertThat(live.get("origin").asText()).isEqualTo("admin");
        assertThat(admin.get("/admin/simulator").body()).contains("Stop simulation " + live.get("id").asLong());
        admin.post("/admin/simulator/simulations/" + live.get("id").asLong() + "/stop", Map.of());
        admin.post("/admin/simulator/targets/ledger-db/delete", Map.of());
    }

    @Test
    void an_admin_creates_a_target_and_starts_and_stops_a_simulation_through_the_forms() {
        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        assertThat(admin.get("/admin/simulator").status()).isEqualTo(200);
        Http.Response created = admin.post("/admin/simulator/targets", Map.of("name", "payments", "listen", "127.0.0.1:0"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);

        Http.Response refused = admin.post("/admin/simulator/simulations",
                Map.of("target", "payments", "fault", "status", "status_code", "42", "duration", "10m"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"simulation-status_code\"").containsPattern("status_code\"[^>]*aria-invalid=\"true\"")
                .contains("class=\"field-error\"");

        Http.Response started = admin.post("/admin/simulator/simulations",
                Map.of("target", "payments", "fault", "status", "status_code", "503", "percentage", "50", "duration", "10m"));
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        JsonNode target = api("/api/v1/simulator/targets/payments").json();
        JsonNode live = target.get("live_simulation");
        assertThat(live).as(target.toString()).isNotNull();
        assertThat(live.get("faults").get(0).get("type").asText()).isEqualTo("status");
        assertThat(live.get("faults").get(0).get("status").asInt()).isEqualTo(503);
        assertThat(live.get("origin").asText()).isEqualTo("admin");
        long id = live.get("id").asLong();
        assertThat(admin.get("/admin/simulator").body()).contains("Stop simulation " + id)
                .as("each instance's listener is shown").contains(t.upbeat.simulator().instance() + ": listening");

        assertThat(admin.post("/admin/simulator/simulations/" + id + "/stop", Map.of()).status()).isEqualTo(303);
        JsonNode run = api("/api/v1/simulator/simulations/" + id).json();
        assertThat(run.get("end_reason").asText()).isEqualTo("stopped");
        assertThat(api("/api/v1/simulator/simulations").json().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(admin.get("/admin/simulator").body()).contains("stopped");

        Http.Response json = admin.post("/admin/simulator/simulations", Map.of("target", "payments", "fault", "json",
                "faults_json", "[{\"type\":\"slow_body\",\"bytes_per_second\":100}]", "duration", "PT5M"));
        assertThat(json.status()).as(json.body()).isEqualTo(303);
        long second = api("/api/v1/simulator/targets/payments").json().get("live_simulation").get("id").asLong();
        admin.post("/admin/simulator/simulations/" + second + "/stop", Map.of());

        Http.Response schedule = admin.post("/admin/simulator/schedules", Map.of("target", "payments", "cron", "0 3 * * 1",
                "time_zone", "Europe/Paris", "duration", "15m", "fault", "latency", "delay", "500ms"));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(303);
        JsonNode schedules = api("/api/v1/simulator/schedules").json();
        assertThat(schedules.get(0).get("cron").asText()).isEqualTo("0 3 * * 1");
        assertThat(schedules.get(0).get("faults").get(0).get("delay").asText()).isEqualTo("PT0.5S");
        Http.Response badCron = admin.post("/admin/simulator/schedules", Map.of("target", "payments", "cron", "every day",
                "duration", "15m", "fault", "reset"));
        assertThat(badCron.status()).isEqualTo(422);
        assertThat(badCron.body()).containsPattern("schedule-cron\"[^>]*aria-invalid=\"true\"");
        assertThat(admin.post("/admin/simulator/schedules/" + schedules.get(0).get("id").asLong() + "/delete", Map.of()).status())
                .isEqualTo(303);
        assertThat(api("/api/v1/simulator/schedules").json()).isEmpty();

        Http.Response drill = admin.post("/admin/simulator/drills", Map.of("target", "payments", "fault", "maintenance",
                "duration", "2s", "check_url", "not a url"));
        assertThat(drill.status()).isEqualTo(422);
        assertThat(drill.body()).containsPattern("drill-check_url\"[^>]*aria-invalid=\"true\"");

        assertThat(admin.post("/admin/simulator/targets/payments/delete", Map.of()).status()).isEqualTo(303);
        assertThat(api("/api/v1/simulator/targets/payments").status()).isEqualTo(404);
        String csv = admin.get("/admin/audit.csv").body();
        assertThat(csv).contains("simulator.target.create").contains("simulation.start").contains("simulation.stop")
                .contains("simulator.schedule.create").contains("simulator.target.delete");
    }

    @Test
    void a_probe_created_edited_and_deleted_through_the_forms_is_what_the_api_shows() {
        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        String component = t.http.get("/api/v1/components").json().get(0).get("id").asText();
        assertThat(admin.get("/admin/probes").status()).isEqualTo(200);

        Http.Response refused = admin.post("/admin/probes", Map.of("name", "Checkout API", "url", "ftp://nowhere",
                "interval", "30s", "timeout", "10s", "component", component));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).containsPattern("new-probe-url\"[^>]*aria-invalid=\"true\"").contains("url must be");

        Http.Response created = admin.post("/admin/probes", Map.of("name", "Checkout API", "url", "http://127.0.0.1:9/health",
                "interval", "1m", "timeout", "5s", "component", component, "auto_incident", "on", "failures_to_open", "4",
                "successes_to_resolve", "2"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        JsonNode probe = api("/api/v1/probes").json().get(0);
        assertThat(probe.get("name").asText()).isEqualTo("Checkout API");
        assertThat(probe.get("url").asText()).isEqualTo("http://127.0.0.1:9/health");
        assertThat(probe.get("interval").asText()).isEqualTo("PT1M");
        assertThat(probe.get("timeout").asText()).isEqualTo("PT5S");
        assertThat(probe.get("component").asText()).isEqualTo(component);
        assertThat(probe.get("auto_incident").asBoolean()).isTrue();
        assertThat(probe.get("failures_to_open").asInt()).isEqualTo(4);
        String id = probe.get("id").asText();
        assertThat(admin.get("/admin/probes").body()).contains("Checkout API").contains("Edit Checkout API");

        Http.Response edited = admin.post("/admin/probes/" + id, Map.of("name", "Checkout DB", "url", "127.0.0.1:5432",
                "interval", "30s", "timeout", "5s", "component", component));
        assertThat(edited.status()).as(edited.body()).isEqualTo(303);
        JsonNode after = api("/api/v1/probes/" + id).json();
        assertThat(after.get("kind").asText()).isEqualTo("tcp");
        assertThat(after.get("name").asText()).isEqualTo("Checkout DB");
        assertThat(after.get("auto_incident").asBoolean()).isFalse();

        Http.Response tooLong = admin.post("/admin/probes/" + id, Map.of("interval", "30s", "timeout", "1m"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).containsPattern(id + "-timeout\"[^>]*aria-invalid=\"true\"");

        assertThat(admin.post("/admin/probes/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(api("/api/v1/probes").json()).isEmpty();
        assertThat(admin.get("/admin/audit.csv").body()).contains("probe.create").contains("probe.update").contains("probe.delete");
    }

    @Test
    void an_editor_is_refused_the_simulator_and_probe_pages() {
        AdminClient editor = AdminClient.signedIn(t, "editor@example.com", PASSWORD);
        for (String path : List.of("/admin/simulator", "/admin/probes", "/admin/drills/1/report")) {
            assertThat(editor.get(path).status()).as(path).isEqualTo(403);
        }
        editor.get("/admin");
        assertThat(editor.post("/admin/simulator/targets", Map.of("name", "sneaky", "listen", "127.0.0.1:0")).status()).isEqualTo(403);
        assertThat(editor.post("/admin/probes", Map.of("name", "sneaky", "url", "http://127.0.0.1:1/")).status()).isEqualTo(403);
        assertThat(api("/api/v1/simulator/targets").json().findValuesAsText("name")).doesNotContain("sneaky");
    }

    @Test
    void a_change_made_through_the_api_with_a_token_is_in_the_audit_csv_with_the_tokens_name() {
        String secret = t.upbeat.tokens().create("deploy-bot").secret();
        Http.Response r = t.http.raw("POST", "/api/v1/components", "{\"name\":\"Search\"}",
                "Authorization", "Bearer " + secret, "Content-Type", "application/json");
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        t.http.raw("GET", "/api/v1/probes", null, "Authorization", "Bearer " + secret);
        t.http.raw("PATCH", "/api/v1/components/nope", "{\"name\":\"x\"}", "Authorization", "Bearer " + secret,
                "Content-Type", "application/json");

        AdminClient admin = AdminClient.signedIn(t, "admin@example.com", PASSWORD);
        List<String> mine = admin.get("/admin/audit.csv").body().lines().filter(l -> l.contains("token:deploy-bot")).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).contains("POST /api/v1/components").contains("," + id + ",");
        assertThat(admin.get("/admin/audit").body()).contains("token:deploy-bot");
    }
}
