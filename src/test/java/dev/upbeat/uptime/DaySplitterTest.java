package dev.upbeat.uptime;

import static dev.upbeat.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.upbeat.component.ComponentStatus.MAJOR_OUTAGE;
import static dev.upbeat.component.ComponentStatus.OPERATIONAL;
import static dev.upbeat.component.ComponentStatus.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.component.ComponentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stuck cursor must fail, not hang
class DaySplitterTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final long HOUR = 3600;

    @Test
    void a_span_across_local_midnight_is_split_between_both_days() {
        var days = DaySplitter.split(List.of(span(OPERATIONAL, "2024-06-10T23:00", "2024-06-11T01:30", PARIS)), PARIS);

        assertThat(days).containsOnlyKeys(date("2024-06-10"), date("2024-06-11"));
        assertThat(days.get(date("2024-06-10")).operationalSeconds()).isEqualTo(HOUR);
        assertThat(days.get(date("2024-06-11")).operationalSeconds()).isEqualTo(HOUR + HOUR / 2);
    }

    @Test
    void the_spring_forward_day_in_paris_has_23_hours() {
        assertThat(wholeDaySeconds("2024-03-31", PARIS)).isEqualTo(23 * HOUR);
    }

    @Test
    void the_fall_back_day_in_new_york_has_25_hours() {
        assertThat(wholeDaySeconds("2024-11-03", NEW_YORK)).isEqualTo(25 * HOUR);
    }

    @Test
    void a_day_whose_midnight_does_not_exist_starts_at_one_in_sao_paulo() {
        // Sao Paulo sprang forward from 00:00 to 01:00 on 2018-11-04.
        var days = DaySplitter.split(List.of(new StatusSpan(OPERATIONAL,
                Instant.parse("2018-11-04T02:30:00Z"), Instant.parse("2018-11-04T03:30:00Z"))), SAO_PAULO);

        assertThat(days.get(date("2018-11-03")).operationalSeconds()).isEqualTo(HOUR / 2);
        assertThat(days.get(date("2018-11-04")).operationalSeconds()).isEqualTo(HOUR / 2);
        assertThat(wholeDaySeconds("2018-11-04", SAO_PAULO)).isEqualTo(23 * HOUR);
    }

    @Test
    void the_hour_repeated_before_midnight_in_sao_paulo_belongs_to_the_day_before() {
        // On 2019-02-17 at 00:00 the clocks went back to 23:00, so 2019-02-16 lasted 25 hours.
        assertThat(wholeDaySeconds("2019-02-16", SAO_PAULO)).isEqualTo(25 * HOUR);
        assertThat(wholeDaySeconds("2019-02-17", SAO_PAULO)).isEqualTo(24 * HOUR);
    }

    @Test
    void lord_howe_shifts_by_half_an_hour() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertThat(wholeDaySeconds("2024-04-07", lordHowe)).isEqualTo(24 * HOUR + HOUR / 2);
        assertThat(wholeDaySeconds("2024-10-06", lordHowe)).isEqualTo(23 * HOUR + HOUR / 2);
    }

    @Test
    void kolkata_days_begin_at_half_past_six_utc() {
        var days = DaySplitter.split(List.of(new StatusSpan(MAJOR_OUTAGE,
                Instant.parse("2024-05-01T18:00:00Z"), Instant.parse("2024-05-01T19:00:00Z"))), ZoneId.of("Asia/Kolkata"));

        assertThat(days.get(date("2024-05-01")).majorSeconds()).isEqualTo(HOUR / 2);
        assertThat(days.get(date("2024-05-02")).majorSeconds()).isEqualTo(HOUR / 2);
    }

    @Test
    void the_day_samoa_skipped_is_absent() {
        ZoneId apia = ZoneId.of("Pacific/Apia");
        var days = DaySplitter.split(List.of(span(OPERATIONAL, "2011-12-29T12:00", "2011-12-31T12:00", apia)), apia);

        assertThat(days).containsOnlyKeys(date("2011-12-29"), date("2011-12-31"));
        assertThat(days.get(date("2011-12-29")).operationalSeconds()).isEqualTo(12 * HOUR);
        assertThat(days.get(date("2011-12-31")).operationalSeconds()).isEqualTo(12 * HOUR);
    }

    @Test
    void a_span_across_a_month_boundary_counts_in_both_months() {
        var days = DaySplitter.split(List.of(span(PARTIAL_OUTAGE, "2024-01-31T20:00", "2024-02-01T02:00", UTC)), UTC);

        assertThat(days.get(date("2024-01-31")).partialSeconds()).isEqualTo(4 * HOUR);
        assertThat(days.get(date("2024-02-01")).partialSeconds()).isEqualTo(2 * HOUR);
        assertThat(UptimeCalculator.total(days, Period.previousMonth(date("2024-02-15"))).partialSeconds())
                .isEqualTo(4 * HOUR);
    }

    @Test
    void days_without_data_are_absent_not_operational() {
        var days = DaySplitter.split(List.of(
                span(OPERATIONAL, "2024-06-01T10:00", "2024-06-01T12:00", UTC),
                span(OPERATIONAL, "2024-06-03T10:00", "2024-06-03T12:00", UTC)), UTC);

        assertThat(days).containsOnlyKeys(date("2024-06-01"), date("2024-06-03"));
    }

    @Test
    void gaps_inside_a_day_are_not_counted_as_any_status() {
        var totals = DaySplitter.split(List.of(
                span(OPERATIONAL, "2024-06-01T00:00", "2024-06-01T06:00", UTC),
                span(DEGRADED_PERFORMANCE, "2024-06-01T08:00", "2024-06-01T09:00", UTC)), UTC)
                .get(date("2024-06-01"));

        assertThat(totals).isEqualTo(DayTotals.empty(date("2024-06-01"))
                .plus(OPERATIONAL, 6 * HOUR).plus(DEGRADED_PERFORMANCE, HOUR));
    }

    @Test
    void unsorted_input_gives_the_same_result_as_sorted_input() {
        var first = span(OPERATIONAL, "2024-06-01T00:00", "2024-06-02T06:00", UTC);
        var second = span(MAJOR_OUTAGE, "2024-06-02T06:00", "2024-06-02T07:00", UTC);

        assertThat(DaySplitter.split(List.of(second, first), UTC))
                .isEqualTo(DaySplitter.split(List.of(first, second), UTC));
    }

    @Test
    void zero_length_spans_add_no_day() {
        assertThat(DaySplitter.split(List.of(span(MAJOR_OUTAGE, "2024-06-01T10:00", "2024-06-01T10:00", UTC)), UTC))
                .isEmpty();
    }

    @Test
    void milliseconds_are_summed_per_day_and_status_before_flooring_to_seconds() {
        Instant t = Instant.parse("2024-06-01T10:00:00Z");
        var days = DaySplitter.split(List.of(
                new StatusSpan(OPERATIONAL, t, t.plusMillis(1500)),
                new StatusSpan(OPERATIONAL, t.plusSeconds(10), t.plusSeconds(10).plusMillis(1500)),
                new StatusSpan(MAJOR_OUTAGE, t.plusSeconds(20), t.plusSeconds(20).plusMillis(999)),
                new StatusSpan(MAJOR_OUTAGE, t.plusSeconds(86_400), t.plusSeconds(86_400).plusMillis(999))), UTC);

        assertThat(days.get(date("2024-06-01")).operationalSeconds()).isEqualTo(3);
        assertThat(days.get(date("2024-06-01")).majorSeconds()).isZero();
        assertThat(days).as("a day with less than a second observed stays unknown").doesNotContainKey(date("2024-06-02"));
    }

    @Test
    void clipping_keeps_only_time_inside_the_window() {
        var spans = List.of(span(OPERATIONAL, "2024-06-01T00:00", "2024-06-04T00:00", UTC));

        var days = DaySplitter.split(spans, UTC,
                Instant.parse("2024-06-01T18:00:00Z"), Instant.parse("2024-06-02T06:00:00Z"));

        assertThat(days).containsOnlyKeys(date("2024-06-01"), date("2024-06-02"));
        assertThat(days.get(date("2024-06-01")).operationalSeconds()).isEqualTo(6 * HOUR);
        assertThat(days.get(date("2024-06-02")).operationalSeconds()).isEqualTo(6 * HOUR);
        assertThat(DaySplitter.split(spans, UTC,
                Instant.parse("2024-06-05T00:00:00Z"), Instant.parse("2024-06-06T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_clip_window_ending_before_it_starts_is_rejected() {
        assertThatThrownBy(() -> DaySplitter.split(List.of(), UTC,
                Instant.parse("2024-06-02T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-06-01T00:00:00Z").hasMessageContaining("2024-06-02T00:00:00Z");
    }

    @Test
    void a_span_ending_before_it_starts_is_rejected_naming_both_instants() {
        assertThatThrownBy(() -> new StatusSpan(OPERATIONAL,
                Instant.parse("2024-06-02T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-06-01T00:00:00Z").hasMessageContaining("2024-06-02T00:00:00Z");
    }

    /** Seconds observed on a day fully covered by one span that also spills into both neighbours. */
    private static long wholeDaySeconds(String day, ZoneId zone) {
        LocalDate date = date(day);
        Instant from = date.minusDays(1).atStartOfDay(zone).toInstant().plusSeconds(HOUR);
        Instant to = date.plusDays(2).atStartOfDay(zone).toInstant().minusSeconds(HOUR);
        SortedMap<LocalDate, DayTotals> days = DaySplitter.split(List.of(new StatusSpan(OPERATIONAL, from, to)), zone);
        return days.get(date).observedSeconds();
    }

    private static StatusSpan span(ComponentStatus status, String localStart, String localEnd, ZoneId zone) {
        return new StatusSpan(status, LocalDateTime.parse(localStart).atZone(zone).toInstant(),
                LocalDateTime.parse(localEnd).atZone(zone).toInstant());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
