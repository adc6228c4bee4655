package dev.upbeat.uptime;

import dev.upbeat.config.UptimeWeights;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import static dev.upbeat.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.upbeat.component.ComponentStatus.MAJOR_OUTAGE;
import static dev.upbeat.component.ComponentStatus.OPERATIONAL;
import static dev.upbeat.component.ComponentStatus.PARTIAL_OUTAGE;
import static dev.upbeat.component.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UptimeCalculatorTest {

    private static final LocalDate DAY = LocalDate.parse("2024-06-10");
    private static final long MINUTE = 60;
    private static final long DAY_SECONDS = 86_400;

    /** 60 minutes major and 100 minutes partial outage, the rest of the day operational. */
    private static final DayTotals ROUGH_DAY = DayTotals.empty(DAY)
            .plus(MAJOR_OUTAGE, 60 * MINUTE)
            .plus(PARTIAL_OUTAGE, 100 * MINUTE)
            .plus(OPERATIONAL, DAY_SECONDS - 160 * MINUTE);

    @Test
    void default_weights_count_major_fully_and_partial_at_thirty_percent() {
        // Down: 3600 + 0.3 * 6000 = 5400 of 86400 seconds.
        assertThat(UptimeCalculator.uptime(ROUGH_DAY, UptimeWeights.DEFAULT)).hasValue(0.9375);
    }

    @Test
    void custom_weights_change_how_much_each_outage_counts() {
        assertThat(UptimeCalculator.uptime(ROUGH_DAY, new UptimeWeights(0.5, 0.0)).orElseThrow())
                .isCloseTo(1.0 - 1800.0 / DAY_SECONDS, within(1e-15));
        assertThat(UptimeCalculator.uptime(ROUGH_DAY, new UptimeWeights(1.0, 1.0)).orElseThrow())
                .isCloseTo(1.0 - 9600.0 / DAY_SECONDS, within(1e-15));
    }

    @Test
    void degraded_performance_and_maintenance_count_as_up() {
        DayTotals totals = DayTotals.empty(DAY).plus(DEGRADED_PERFORMANCE, 100).plus(UNDER_MAINTENANCE, 100);

        assertThat(UptimeCalculator.uptime(totals, UptimeWeights.DEFAULT)).hasValue(1.0);
    }

    @Test
    void only_observed_time_counts_so_a_half_observed_day_can_be_fully_up() {
        DayTotals totals = DayTotals.empty(DAY).plus(OPERATIONAL, DAY_SECONDS / 2);

        assertThat(UptimeCalculator.uptime(totals, UptimeWeights.DEFAULT)).hasValue(1.0);
    }

    @Test
    void uptime_is_unknown_when_nothing_was_observed() {
        assertThat(UptimeCalculator.uptime(DayTotals.empty(DAY), UptimeWeights.DEFAULT)).isEmpty();
        assertThat(UptimeCalculator.uptime(new TreeMap<>(), Period.lastDays(DAY, 30), UptimeWeights.DEFAULT))
                .isEmpty();
    }

    @Test
    void a_period_total_sums_only_its_own_days_and_is_dated_at_its_start() {
        SortedMap<LocalDate, DayTotals> days = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            LocalDate day = DAY.plusDays(i);
            days.put(day, DayTotals.empty(day).plus(OPERATIONAL, 1000).plus(MAJOR_OUTAGE, i));
        }
        Period middle = new Period(DAY.plusDays(1), DAY.plusDays(4));

        assertThat(UptimeCalculator.total(days, middle))
                .isEqualTo(DayTotals.builder().day(DAY.plusDays(1)).operationalSeconds(3000).majorSeconds(1 + 2 + 3).build());
    }

    @Test
    void previous_month_of_january_is_december_of_the_year_before() {
        assertThat(Period.previousMonth(LocalDate.parse("2025-01-15")))
                .isEqualTo(new Period(LocalDate.parse("2024-12-01"), LocalDate.parse("2025-01-01")));
    }

    @Test
    void previous_month_of_a_leap_march_is_a_29_day_february() {
        assertThat(Period.previousMonth(LocalDate.parse("2024-03-31")).days()).hasSize(29);
    }

    @Test
    void last_days_includes_today() {
        Period last30 = Period.lastDays(DAY, 30);

        assertThat(last30.contains(DAY)).isTrue();
        assertThat(last30.contains(DAY.plusDays(1))).isFalse();
        assertThat(last30.contains(DAY.minusDays(29))).isTrue();
        assertThat(last30.contains(DAY.minusDays(30))).isFalse();
        assertThat(last30.days()).hasSize(30);
        assertThat(Period.lastDays(DAY, 1).days()).containsExactly(DAY);
    }

    @Test
    void series_marks_days_without_data_as_unknown() {
        SortedMap<LocalDate, DayTotals> days = new TreeMap<>();
        days.put(DAY, ROUGH_DAY);

        var series = UptimeCalculator.series(days, new Period(DAY.minusDays(1), DAY.plusDays(2)), UptimeWeights.DEFAULT);

        assertThat(series).containsExactly(
                new DayUptime(DAY.minusDays(1), DayTotals.empty(DAY.minusDays(1)), Optional.empty()),
                new DayUptime(DAY, ROUGH_DAY, Optional.of(0.9375)),
                new DayUptime(DAY.plusDays(1), DayTotals.empty(DAY.plusDays(1)), Optional.empty()));
    }

    @Test
    void weights_outside_zero_to_one_are_rejected_naming_the_field() {
        assertThatThrownBy(() -> new UptimeWeights(1.5, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("major").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new UptimeWeights(1.0, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partial").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new UptimeWeights(Double.NaN, 0.3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_period_must_not_be_empty() {
        assertThatThrownBy(() -> new Period(DAY, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.lastDays(DAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
