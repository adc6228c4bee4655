package dev.upbeat.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.status.StatusRollup;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables of docs/api.md#compatibility, one assertion per row, so the docs and the code cannot drift. */
class VocabularyTest {

    @Test
    void the_five_statuses_map_to_heroku_colours_and_statuspage_indicators_and_descriptions() {
        Map<ComponentStatus, String> rows = new LinkedHashMap<>();
        for (ComponentStatus s : ComponentStatus.values()) {
            rows.put(s, Vocabulary.colour(s) + " | " + StatusRollup.indicator(s) + " | " + StatusRollup.describe(s));
        }
        assertThat(rows).containsExactly(
                Map.entry(ComponentStatus.OPERATIONAL, "green | none | All Systems Operational"),
                Map.entry(ComponentStatus.UNDER_MAINTENANCE, "yellow | maintenance | Service Under Maintenance"),
                Map.entry(ComponentStatus.DEGRADED_PERFORMANCE, "yellow | minor | Partially Degraded Service"),
                Map.entry(ComponentStatus.PARTIAL_OUTAGE, "red | major | Partial System Outage"),
                Map.entry(ComponentStatus.MAJOR_OUTAGE, "red | critical | Major System Outage"));
    }

    @Test
    void cancelled_maintenance_reads_completed_on_statuspage_and_every_other_status_keeps_its_word() {
        assertThat(Vocabulary.statuspageStatus(IncidentStatus.CANCELLED)).isEqualTo("completed");
        Arrays.stream(IncidentStatus.values()).filter(s -> s != IncidentStatus.CANCELLED)
                .forEach(s -> assertThat(Vocabulary.statuspageStatus(s)).isEqualTo(s.wire()));
    }

    @Test
    void heroku_states_say_resolved_for_everything_closed_and_upcoming_before_maintenance_starts() {
        Map<IncidentStatus, String> states = new LinkedHashMap<>();
        Arrays.stream(IncidentStatus.values()).forEach(s -> states.put(s, Vocabulary.herokuState(s)));
        assertThat(states).containsExactly(
                Map.entry(IncidentStatus.INVESTIGATING, "investigating"), Map.entry(IncidentStatus.IDENTIFIED, "identified"),
                Map.entry(IncidentStatus.MONITORING, "monitoring"), Map.entry(IncidentStatus.RESOLVED, "resolved"),
                Map.entry(IncidentStatus.POSTMORTEM, "resolved"), Map.entry(IncidentStatus.SCHEDULED, "upcoming"),
                Map.entry(IncidentStatus.IN_PROGRESS, "in_progress"), Map.entry(IncidentStatus.VERIFYING, "in_progress"),
                Map.entry(IncidentStatus.COMPLETED, "resolved"), Map.entry(IncidentStatus.CANCELLED, "resolved"));
    }

    @Test
    void the_page_id_is_twelve_lowercase_letters_or_digits_stable_for_one_address() {
        String id = StatuspageViews.pageId("https://status.example.org");
        assertThat(id).matches("[a-z0-9]{12}").isEqualTo(StatuspageViews.pageId("https://status.example.org"));
        assertThat(StatuspageViews.pageId("https://status.example.com")).matches("[a-z0-9]{12}").isNotEqualTo(id);
        assertThat(StatuspageViews.pageId("http://localhost:8080")).matches("[a-z0-9]{12}");
    }
}
