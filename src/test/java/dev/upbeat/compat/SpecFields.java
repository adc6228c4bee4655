package dev.upbeat.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The field tables of ../shared/spec/status-apis.md (sections 1a and 1b) as checks: for each kind
 * of object, every field it must have, its JSON type and, where the spec names them, its allowed
 * values. An object must have exactly these fields.
 */
final class SpecFields {
    static final Predicate<JsonNode> STRING = JsonNode::isTextual;
    static final Predicate<JsonNode> INT = JsonNode::isIntegralNumber;
    static final Predicate<JsonNode> BOOLEAN = JsonNode::isBoolean;
    static final Predicate<JsonNode> LIST = JsonNode::isArray;
    static final Predicate<JsonNode> OBJECT = JsonNode::isObject;
    static final Predicate<JsonNode> STATUSPAGE_TIME = matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})");
    static final Predicate<JsonNode> HEROKU_TIME = n -> n.isTextual() && parses(n.asText());
    static final Predicate<JsonNode> COMPONENT_STATUS = oneOf("operational", "degraded_performance", "partial_outage",
            "major_outage", "under_maintenance");
    static final Predicate<JsonNode> COLOUR = oneOf("green", "yellow", "red");

    static final Map<String, Predicate<JsonNode>> PAGE = table("id", matches("[a-z0-9]{12}"), "name", STRING, "url", STRING,
            "time_zone", (Predicate<JsonNode>) n -> n.isTextual() && ZoneId.of(n.asText()) != null, "updated_at", STATUSPAGE_TIME);
    static final Map<String, Predicate<JsonNode>> STATUS = table(
            "indicator", oneOf("none", "minor", "major", "critical", "maintenance"),
            "description", oneOf("All Systems Operational", "Partially Degraded Service", "Degraded System Service",
                    "Minor Service Outage", "Partial System Outage", "Major System Outage", "Service Under Maintenance"));
    static final Map<String, Predicate<JsonNode>> COMPONENT = table("id", STRING, "name", STRING, "status", COMPONENT_STATUS,
            "created_at", STATUSPAGE_TIME, "updated_at", STATUSPAGE_TIME, "position", INT, "description", nullable(STRING),
            "showcase", BOOLEAN, "start_date", nullable(matches("\\d{4}-\\d{2}-\\d{2}")), "group_id", nullable(STRING),
            "page_id", STRING, "group", BOOLEAN, "only_show_if_degraded", BOOLEAN);
    static final Map<String, Predicate<JsonNode>> GROUP = with(COMPONENT, "components", LIST);
    private static final Map<String, Predicate<JsonNode>> INCIDENT_BASE = table("id", STRING, "name", STRING,
            "created_at", STATUSPAGE_TIME, "updated_at", STATUSPAGE_TIME, "started_at", STATUSPAGE_TIME,
            "monitoring_at", nullable(STATUSPAGE_TIME), "resolved_at", nullable(STATUSPAGE_TIME), "shortlink", STRING,
            "page_id", STRING, "incident_updates", LIST, "components", LIST);
    static final Map<String, Predicate<JsonNode>> INCIDENT = with(with(with(INCIDENT_BASE,
            "status", oneOf("investigating", "identified", "monitoring", "resolved", "postmortem")),
            "impact", oneOf("none", "minor", "major", "critical")), "postmortem_body", nullable(STRING));
    static final Map<String, Predicate<JsonNode>> MAINTENANCE = with(with(with(with(with(with(INCIDENT_BASE,
            "status", oneOf("scheduled", "in_progress", "verifying", "completed")), "impact", oneOf("maintenance")),
            "scheduled_for", STATUSPAGE_TIME), "scheduled_until", STATUSPAGE_TIME),
            "scheduled_auto_in_progress", BOOLEAN), "scheduled_auto_completed", BOOLEAN);
    static final Map<String, Predicate<JsonNode>> UPDATE = table("id", STRING, "incident_id", STRING,
            "status", oneOf("investigating", "identified", "monitoring", "resolved", "postmortem", "scheduled",
                    "in_progress", "verifying", "completed"),
            "body", STRING, "created_at", STATUSPAGE_TIME, "updated_at", STATUSPAGE_TIME, "display_at", STATUSPAGE_TIME,
            "affected_components", LIST, "deliver_notifications", BOOLEAN, "custom_tweet", nullable(STRING),
            "tweet_id", nullable(STRING));
    static final Map<String, Predicate<JsonNode>> AFFECTED = table("code", STRING, "name", STRING,
            "old_status", COMPONENT_STATUS, "new_status", COMPONENT_STATUS);

    static final Map<String, Predicate<JsonNode>> SYSTEM_STATUS = table("system", STRING, "status", COLOUR);
    static final Map<String, Predicate<JsonNode>> HEROKU_ISSUE = table("id", INT, "title", STRING,
            "state", oneOf("investigating", "identified", "monitoring", "resolved", "upcoming", "in_progress"),
            "resolved", BOOLEAN, "created_at", HEROKU_TIME, "updated_at", HEROKU_TIME, "full_url", matches("https?://.+"),
            "systems", LIST, "tags", LIST, "updates", (Predicate<JsonNode>) n -> n.isArray() && !n.isEmpty());
    static final Map<String, Predicate<JsonNode>> HEROKU_SYSTEM = table("name", STRING, "status", COLOUR, "services", LIST);
    static final Map<String, Predicate<JsonNode>> HEROKU_UPDATE = table(
            "update_type", oneOf("issue", "update", "resolved", "scheduled"), "created_at", HEROKU_TIME,
            "updated_at", HEROKU_TIME, "contents", STRING);
    static final Map<String, Predicate<JsonNode>> LEGACY_ENVIRONMENTS = table("Production", COLOUR, "Development", COLOUR);
    static final Map<String, Predicate<JsonNode>> LEGACY_ISSUE = table("id", INT, "title", STRING, "resolved", BOOLEAN,
            "upcoming", BOOLEAN, "created_at", HEROKU_TIME, "updated_at", HEROKU_TIME, "status_dev", COLOUR,
            "status_prod", COLOUR, "href", matches("https?://.+/api/v3/issues/\\d+"), "full_url", matches("https?://.+"),
            "updates", LIST);
    static final Map<String, Predicate<JsonNode>> LEGACY_UPDATE = table("id", INT, "incident_id", INT,
            "created_at", HEROKU_TIME, "updated_at", HEROKU_TIME, "update_type", oneOf("issue", "update", "resolved"),
            "contents", STRING, "title", nullable(STRING), "status_dev", COLOUR, "status_prod", COLOUR);

    /**
     * Every name the specs give only to lists; after a trip through JSON each must be an array,
     * never null. ({@code status} is a list only at the top of Heroku's current-status; the tables
     * above check it there.)
     */
    static final Set<String> LIST_FIELDS = Set.of("components", "incidents", "scheduled_maintenances", "incident_updates",
            "affected_components", "scheduled", "systems", "tags", "updates", "services", "issues");

    private SpecFields() {
    }

    /** Asserts that {@code node} has exactly the table's fields, each of the right type and value. */
    static void check(JsonNode node, Map<String, Predicate<JsonNode>> table, String where) {
        assertThat(node.isObject()).as(where + " is an object: " + node).isTrue();
        assertThat(node.properties()).as(where + " fields").extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        table.forEach((field, type) -> assertThat(type.test(node.get(field)))
                .as("%s.%s has the spec's type and an allowed value; got %s", where, field, node.get(field)).isTrue());
    }

    /** Checks a Statuspage body of any endpoint: its page, its status and every object in its lists. */
    static void checkStatuspage(JsonNode body) {
        check(body.get("page"), PAGE, "page");
        if (body.has("status")) {
            check(body.get("status"), STATUS, "status");
        }
        body.path("components").forEach(SpecFields::checkComponent);
        body.path("incidents").forEach(i -> checkIncident(i, INCIDENT));
        body.path("scheduled_maintenances").forEach(m -> checkIncident(m, MAINTENANCE));
    }

    /** Checks a Heroku v4 current-status body, or the array of /api/v4/incidents. */
    static void checkHeroku(JsonNode body) {
        if (body.isArray()) {
            body.forEach(SpecFields::checkHerokuIssue);
            return;
        }
        check(body, table("status", LIST, "incidents", LIST, "scheduled", LIST), "current-status");
        body.get("status").forEach(n -> check(n, SYSTEM_STATUS, "status[]"));
        body.get("incidents").forEach(SpecFields::checkHerokuIssue);
        body.get("scheduled").forEach(SpecFields::checkHerokuIssue);
    }

    /** Checks a Heroku v3 current-status body, an array of issues, or one issue. */
    static void checkHerokuLegacy(JsonNode body) {
        if (body.isArray()) {
            body.forEach(SpecFields::checkHerokuLegacy);
        } else if (body.has("issues")) {
            check(body.get("status"), LEGACY_ENVIRONMENTS, "v3 status");
            body.get("issues").forEach(SpecFields::checkHerokuLegacy);
        } else {
            check(body, LEGACY_ISSUE, "v3 issue " + body.get("id"));
            body.get("updates").forEach(u -> check(u, LEGACY_UPDATE, "v3 update"));
        }
    }

    private static void checkComponent(JsonNode c) {
        boolean group = c.path("group").asBoolean();
        check(c, group ? GROUP : COMPONENT, "component " + c.get("id"));
        c.path("components").forEach(id -> assertThat(id.isTextual()).as("child id " + id).isTrue());
    }

    private static void checkIncident(JsonNode i, Map<String, Predicate<JsonNode>> table) {
        check(i, table, "incident " + i.get("id"));
        i.get("components").forEach(SpecFields::checkComponent);
        i.get("incident_updates").forEach(u -> {
            check(u, UPDATE, "update " + u.get("id"));
            u.get("affected_components").forEach(a -> check(a, AFFECTED, "affected component"));
        });
    }

    private static void checkHerokuIssue(JsonNode issue) {
        check(issue, HEROKU_ISSUE, "heroku incident " + issue.get("id"));
        issue.get("systems").forEach(n -> check(n, HEROKU_SYSTEM, "systems[]"));
        issue.get("updates").forEach(n -> check(n, HEROKU_UPDATE, "updates[]"));
    }

    static Predicate<JsonNode> nullable(Predicate<JsonNode> type) {
        return n -> n.isNull() || type.test(n);
    }

    static Predicate<JsonNode> oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return n -> n.isTextual() && allowed.contains(n.asText());
    }

    static Predicate<JsonNode> matches(String regex) {
        return n -> n.isTextual() && n.asText().matches(regex);
    }

    private static boolean parses(String iso) {
        try {
            return Instant.parse(iso) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Predicate<JsonNode>> table(Object... fieldsAndTypes) {
        Map<String, Predicate<JsonNode>> table = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndTypes.length; i += 2) {
            table.put((String) fieldsAndTypes[i], (Predicate<JsonNode>) fieldsAndTypes[i + 1]);
        }
        return table;
    }

    private static Map<String, Predicate<JsonNode>> with(Map<String, Predicate<JsonNode>> base, String field,
                                                         Predicate<JsonNode> type) {
        Map<String, Predicate<JsonNode>> table = new LinkedHashMap<>(base);
        table.put(field, type);
        return table;
    }
}
