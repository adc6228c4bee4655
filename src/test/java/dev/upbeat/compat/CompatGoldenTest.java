package dev.upbeat.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upbeat.json.Json;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The mapping against golden files written by hand from the field tables of the two specs, for
 * the page in {@link CompatFixture}. Compared as JSON trees, after a real trip through the
 * project's Jackson configuration, so field order does not matter but every name, type and value
 * does.
 */
class CompatGoldenTest {
    private static final PublicStatus S = CompatFixture.snapshot();

    @Test
    void heroku_v4_current_status_lists_systems_open_incidents_and_maintenance_not_over() {
        assertMatches(HerokuViews.currentStatus(S), golden("heroku-v4-current-status.json"));
    }

    @Test
    void heroku_v4_incidents_are_a_bare_array_newest_first_cut_at_the_limit() {
        JsonNode golden = golden("heroku-v4-incidents.json");
        assertMatches(HerokuViews.incidents(S, 50), golden);
        assertMatches(HerokuViews.incidents(S, 1), Json.mapper().createArrayNode().add(golden.get(0)));
    }

    @Test
    void heroku_v4_incident_by_id_is_the_same_object_as_in_the_lists() {
        assertMatches(HerokuViews.incident(S, 100).orElseThrow(), golden("heroku-v4-incidents.json").get(1));
        assertMatches(HerokuViews.incident(S, 201).orElseThrow(), golden("heroku-v4-current-status.json").get("scheduled").get(1));
        assertThat(HerokuViews.incident(S, 999)).isEmpty();
    }

    @Test
    void heroku_v3_current_status_has_both_environments_and_the_open_issues() {
        assertMatches(HerokuLegacyViews.currentStatus(S), golden("heroku-v3-current-status.json"));
    }

    @Test
    void heroku_v3_issues_include_maintenance_newest_first_since_a_day() {
        JsonNode issues = tree(HerokuLegacyViews.issues(S, CompatFixture.at("2026-11-11T23:00:00Z"), 50));
        assertThat(issues.findValuesAsText("title")).doesNotContain("Old plan");
        assertThat(ids(issues)).containsExactly(101L, 202L, 201L, 100L);
        assertThat(ids(tree(HerokuLegacyViews.issues(S, null, 2)))).containsExactly(101L, 202L);
        assertMatches(HerokuLegacyViews.issue(S, 101).orElseThrow(), golden("heroku-v3-current-status.json").get("issues").get(0));
        JsonNode cancelled = tree(HerokuLegacyViews.issue(S, 200).orElseThrow());
        assertThat(cancelled.get("resolved").asBoolean()).isTrue();
        assertThat(cancelled.get("updates").get(0).get("update_type").asText()).isEqualTo("resolved");
    }

    @Test
    void statuspage_summary_has_everything_a_widget_reads() {
        assertMatches(StatuspageViews.summary(S), golden("statuspage-summary.json"));
    }

    @Test
    void statuspage_status_and_components_are_the_summary_parts() {
        JsonNode summary = golden("statuspage-summary.json");
        assertMatches(StatuspageViews.status(S), pick(summary, "page", "status"));
        assertMatches(StatuspageViews.components(S), pick(summary, "page", "components"));
    }

    @Test
    void statuspage_incidents_are_the_most_recent_of_any_status_and_unresolved_the_open_ones() {
        assertMatches(StatuspageViews.incidents(S), golden("statuspage-incidents.json"));
        assertMatches(StatuspageViews.unresolved(S), pick(golden("statuspage-summary.json"), "page", "incidents"));
    }

    @Test
    void statuspage_maintenance_lists_all_upcoming_and_active_with_cancelled_as_completed() {
        JsonNode all = golden("statuspage-scheduled-maintenances.json");
        assertMatches(StatuspageViews.scheduledMaintenances(S), all);
        assertMatches(StatuspageViews.upcoming(S), withMaintenances(all, 0));
        assertMatches(StatuspageViews.active(S), withMaintenances(all, 1));
    }

    private static void assertMatches(Object view, JsonNode expected) {
        JsonNode actual = tree(view);
        assertThat(actual).as("actual:%n%s", actual.toPrettyString()).isEqualTo(expected);
    }

    /** Through bytes and back, exactly as a client would see it. */
    static JsonNode tree(Object view) {
        try {
            return Json.mapper().readTree(StatusSnapshots.toJson(view));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode golden(String name) {
        try (InputStream in = CompatGoldenTest.class.getResourceAsStream("/compat/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode pick(JsonNode from, String... fields) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (String f : fields) {
            out.set(f, from.get(f));
        }
        return out;
    }

    private static JsonNode withMaintenances(JsonNode all, int... indexes) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (int i : indexes) {
            list.add(all.get("scheduled_maintenances").get(i));
        }
        return ((ObjectNode) pick(all, "page")).set("scheduled_maintenances", list);
    }

    private static java.util.List<Long> ids(JsonNode list) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
