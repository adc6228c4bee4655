package dev.upbeat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.TestUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules in docs/monitoring use only metrics that Upbeat
 * exports, under Prometheus' conventions, and docs/operations.md lists each of Upbeat's own.
 * Every feature is exercised first, since a series appears with its first event.
 */
class MonitoringDocsTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};
    /** PromQL words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "bool", "offset", "inf", "nan");
    static TestUpbeat t;
    static Receiver receiver;
    static TestUpstream upstream;
    static String scrape;

    @BeforeAll
    static void exerciseEveryFeature() {
        receiver = new Receiver();
        upstream = new TestUpstream();
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_WEBHOOK_ALLOW", "127.0.0.1", "UPBEAT_DELIVERY_POLL", "PT0.2S",
                "UPBEAT_DELIVERY_MAX_ATTEMPTS", "1"));
        Http http = t.http;
        String component = http.post("/api/v1/components", "{\"name\":\"API\"}").json().get("id").asText();
        assertThat(http.post("/api/v1/probes", "{\"name\":\"api-health\",\"url\":\"" + receiver.url("/health") + "\",\"component\":\""
                + component + "\"}").status()).isEqualTo(201);
        t.upbeat.probes().runner().runDue();
        assertThat(http.post("/api/v1/subscribers", "{\"channel\":\"webhook\",\"address\":\"" + receiver.url("/hook")
                + "\",\"confirmed\":true}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/incidents", "{\"title\":\"Slow\",\"message\":\"Looking.\"}").status()).isEqualTo(201);
        Awaitility.await().until(() -> !receiver.requests("/hook").isEmpty());
        String listen = http.post("/api/v1/simulator/targets", "{\"name\":\"billing\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + upstream.url() + "\"}").json().get("listen").asText();
        new Http("http://" + listen).get("/echo");
        http.post("/api/v1/simulator/targets/billing/simulations", "{\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT15M\"}");
        new Http("http://" + listen).get("/echo");
        // GC pauses are counted from the first one after start.
        System.gc();
        Awaitility.await().until(() -> http.get("/metrics", AUTH).body().contains("jvm_gc_pause_seconds_count"));
        scrape = http.get("/metrics", AUTH).body();
    }

    @AfterAll
    static void stop() {
        t.close();
        receiver.close();
        upstream.close();
    }

    @Test
    void every_metric_the_dashboard_uses_is_exported() throws Exception {
        JsonNode dashboard = Json.mapper().readTree(Files.readString(Path.of("docs/monitoring/grafana-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        dashboard.findValues("query").stream().filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(q -> q.startsWith("label_values(")).forEach(q -> expressions.add(q.substring(13, q.indexOf(','))));
        assertThat(expressions).hasSizeGreaterThan(20);
        assertExported(expressions);
    }

    @Test
    void every_metric_the_alert_rules_use_is_exported_and_the_four_alerts_are_there() throws Exception {
        String rules = Files.readString(Path.of("docs/monitoring/alerts.yml"));
        List<String> expressions = new ArrayList<>();
        // "expr: ..." on one line, or "expr: |" followed by indented lines.
        Matcher m = Pattern.compile("(?m)^(\\s*)expr: (\\|\\n((?:\\1\\s+.*\\n)+)|(.*))$").matcher(rules);
        while (m.find()) {
            expressions.add(m.group(3) != null ? m.group(3) : m.group(4));
        }
        assertThat(rules).contains("alert: UpbeatOutboxNotDraining", "alert: UpbeatSnapshotStale", "alert: UpbeatDatabaseDown",
                "alert: UpbeatProbeFailing");
        assertThat(expressions).hasSize((int) rules.lines().filter(l -> l.strip().startsWith("- alert:")).count());
        assertExported(expressions);
    }

    @Test
    void upbeats_own_metrics_follow_prometheus_conventions_and_are_documented() throws Exception {
        Map<String, String> types = new HashMap<>();
        Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(scrape);
        while (type.find()) {
            types.put(type.group(1), type.group(2));
        }
        String operations = Files.readString(Path.of("docs/operations.md"));
        Set<String> families = new TreeSet<>();
        types.forEach((family, kind) -> {
            boolean timerMax = family.endsWith("_max") && types.containsKey(family.substring(0, family.length() - 4));
            if (!family.startsWith("upbeat_") && !family.startsWith("http_server_requests") || timerMax) {
                return;
            }
            families.add(family);
            switch (kind) {
                case "counter" -> assertThat(series(family)).as(family).isNotEmpty().allMatch(s -> s.endsWith("_total"));
                case "histogram", "summary" -> assertThat(family).as("a timer names its unit").endsWith("_seconds");
                default -> assertThat(family).as("a gauge is not named like a counter").doesNotEndWith("_total");
            }
        });
        assertThat(families).contains("upbeat_snapshot_age_seconds", "upbeat_outbox_deliveries", "upbeat_probe_checks_total",
                "upbeat_simulator_requests_total", "upbeat_database_up", "upbeat_live_events_sent_total");
        for (String family : families) {
            if (family.startsWith("upbeat_")) {
                assertThat(operations).as("docs/operations.md lists " + family).contains("`" + family + "`");
            }
        }
        // Route templates, never raw paths: the component id asked for above is not a label value.
        assertThat(scrape).contains("uri=\"/api/v1/components\"").doesNotContain("uri=\"/api/v1/components/api\"");
    }

    private static Set<String> series(String family) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(" + Pattern.quote(family) + "\\w*)[{ ]").matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static void assertExported(List<String> expressions) {
        Set<String> exported = new TreeSet<>();
        Matcher sample = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape);
        while (sample.find()) {
            exported.add(sample.group(1));
        }
        for (String expression : expressions) {
            for (String name : metricNames(expression)) {
                assertThat(exported).as("'" + name + "' in " + expression).contains(name);
            }
        }
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or variables. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$[A-Za-z_]+", " ")
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()").matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void metric_names_are_read_from_promql() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (uri, le) (rate(http_server_requests_seconds_bucket{instance=~\"$instance\"}"
                + "[$__rate_interval])))")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("upbeat_database_up == 0 and on (instance) up")).containsExactly("up", "upbeat_database_up");
    }
}
