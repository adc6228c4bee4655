package dev.upbeat.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStatusTest {

    @Test
    void the_worst_status_wins_and_maintenance_ranks_below_any_degradation() {
        assertThat(ComponentStatus.worst(List.of())).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(ComponentStatus.worst(List.of(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.OPERATIONAL)))
                .isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(ComponentStatus.worst(List.of(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.DEGRADED_PERFORMANCE)))
                .isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(ComponentStatus.worst(List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE)))
                .isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }

    @Test
    void wire_names_are_lower_snake_case() {
        assertThat(ComponentStatus.allowedValues())
                .isEqualTo("operational, under_maintenance, degraded_performance, partial_outage, major_outage");
        assertThat(ComponentStatus.fromWire("partial_outage")).contains(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(ComponentStatus.fromWire("PARTIAL_OUTAGE")).isEmpty();
    }

    @Test
    void slugs_are_readable_and_url_safe() {
        assertThat(Slug.of("Web Dynos")).isEqualTo("web-dynos");
        assertThat(Slug.of("  Café & Crème! ")).isEqualTo("cafe-creme");
        assertThat(Slug.of("***")).isEqualTo("component");
        assertThat(Slug.isValid("web-dynos")).isTrue();
        assertThat(Slug.isValid("Web Dynos")).isFalse();
    }
}
