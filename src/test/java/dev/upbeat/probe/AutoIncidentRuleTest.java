package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.probe.AutoIncidentRule.Action;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The thresholds, the minimum time between changes, maintenance and the opt-in. */
class AutoIncidentRuleTest {
    private static final Instant NOW = Instant.parse("2026-10-05T12:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(5);
    private static final IncidentPolicy ON = new IncidentPolicy(true, 3, 2);

    @Test
    void opens_at_the_failure_threshold_only_when_opted_in_and_not_in_maintenance() {
        assertThat(AutoIncidentRule.decide(ON, new Streak(2, 0, null, null), NOW, GAP, false)).isEqualTo(Action.NONE);
        assertThat(AutoIncidentRule.decide(ON, new Streak(3, 0, null, null), NOW, GAP, false)).isEqualTo(Action.OPEN);
        assertThat(AutoIncidentRule.decide(ON, new Streak(3, 0, null, null), NOW, GAP, true)).isEqualTo(Action.NONE);
        assertThat(AutoIncidentRule.decide(new IncidentPolicy(false, 3, 2), new Streak(9, 0, null, null), NOW, GAP, false))
                .isEqualTo(Action.NONE);
    }

    @Test
    void resolves_at_the_success_threshold_once_the_minimum_time_has_passed() {
        Instant opened = NOW.minus(Duration.ofMinutes(4));
        assertThat(AutoIncidentRule.decide(ON, new Streak(0, 1, 7L, NOW.minus(GAP)), NOW, GAP, false)).isEqualTo(Action.NONE);
        assertThat(AutoIncidentRule.decide(ON, new Streak(0, 2, 7L, opened), NOW, GAP, false)).isEqualTo(Action.NONE);
        assertThat(AutoIncidentRule.decide(ON, new Streak(0, 2, 7L, NOW.minus(GAP)), NOW, GAP, false)).isEqualTo(Action.RESOLVE);
    }

    @Test
    void an_open_incident_is_still_resolved_after_the_probe_opts_out() {
        assertThat(AutoIncidentRule.decide(new IncidentPolicy(false, 3, 2), new Streak(0, 2, 7L, null), NOW, GAP, false))
                .isEqualTo(Action.RESOLVE);
    }
}
