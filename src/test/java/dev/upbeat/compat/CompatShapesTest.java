package dev.upbeat.compat;

import static dev.upbeat.compat.CompatGoldenTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.json.Json;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every body, on a full page, an empty one and one with an incident that has neither updates nor
 * components, checked field by field against the spec's tables after a trip through Jackson.
 */
class CompatShapesTest {
    private static final List<PublicStatus> PAGES = List.of(CompatFixture.snapshot(), CompatFixture.empty(), bare());

    /** An incident without updates or components: cannot be made through the API, but must not break a client. */
    private static PublicStatus bare() {
        Instant at = CompatFixture.at("2026-11-20T14:00:00Z");
        return CompatFixture.of(List.of(), List.of(), List.of(CompatFixture.incident(7, "Bare").impact(Impact.NONE)
                .status(IncidentStatus.INVESTIGATING).startedAt(at).createdAt(at).updatedAt(at).build()),
                List.of(), ComponentStatus.OPERATIONAL);
    }

    @Test
    void every_statuspage_body_has_each_spec_field_with_its_type() {
        for (PublicStatus s : PAGES) {
            for (Object body : List.of(StatuspageViews.status(s), StatuspageViews.summary(s), StatuspageViews.components(s),
                    StatuspageViews.incidents(s), StatuspageViews.unresolved(s), StatuspageViews.scheduledMaintenances(s),
                    StatuspageViews.upcoming(s), StatuspageViews.active(s))) {
                SpecFields.checkStatuspage(tree(body));
            }
            assertThat(tree(StatuspageViews.status(s)).properties()).hasSize(2);
        }
    }

    @Test
    void every_heroku_body_has_each_spec_field_with_its_type_and_at_least_one_update() {
        for (PublicStatus s : PAGES) {
            SpecFields.checkHeroku(tree(HerokuViews.currentStatus(s)));
            SpecFields.checkHeroku(tree(HerokuViews.incidents(s, 50)));
            SpecFields.checkHerokuLegacy(tree(HerokuLegacyViews.currentStatus(s)));
            SpecFields.checkHerokuLegacy(tree(HerokuLegacyViews.issues(s, null, 50)));
        }
    }

    @Test
    void an_empty_page_still_has_a_valid_heroku_current_status() {
        JsonNode empty = tree(HerokuViews.currentStatus(CompatFixture.empty()));
        assertThat(empty.toString()).isEqualTo("{\"status\":[],\"incidents\":[],\"scheduled\":[]}");
        JsonNode bare = tree(HerokuViews.currentStatus(bare())).get("incidents").get(0).get("updates");
        assertThat(bare).as("the title stands in for the missing first update").hasSize(1);
        assertThat(bare.get(0).get("update_type").asText()).isEqualTo("issue");
        assertThat(bare.get(0).get("contents").asText()).isEqualTo("Bare");
    }

    @Test
    void no_list_is_ever_null_after_a_round_trip_through_jackson() throws Exception {
        for (PublicStatus s : PAGES) {
            for (Map.Entry<String, Object> body : new CompatBodies().of(s).entrySet()) {
                byte[] json = StatusSnapshots.toJson(body.getValue());
                JsonNode tree = Json.mapper().readTree(json);
                assertNoNullLists(tree, body.getKey());
                if (body.getKey().equals(CompatBodies.HEROKU_CURRENT_STATUS)) {
                    assertThat(tree.get("status").isArray()).isTrue();
                }
                Object back = Json.mapper().readValue(json, body.getValue().getClass());
                assertThat(back).as(body.getKey() + " reads back as it was written").isEqualTo(body.getValue());
            }
        }
    }

    private static void assertNoNullLists(JsonNode node, String where) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (SpecFields.LIST_FIELDS.contains(field.getKey())) {
                    assertThat(field.getValue().isArray()).as("%s: %s is a list, not %s", where, field.getKey(), field.getValue()).isTrue();
                }
                assertNoNullLists(field.getValue(), where);
            });
        } else if (node.isArray()) {
            node.forEach(child -> assertNoNullLists(child, where));
        }
    }
}
