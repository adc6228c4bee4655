package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.problem.Problem;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void every_tuesday_at_ten_in_paris_follows_summer_and_winter_time() {
        Cron cron = Cron.parse("cron", "0 10 * * 2");
        assertThat(cron.next(Instant.parse("2026-03-20T00:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-03-24T09:00:00Z"));
        assertThat(cron.next(Instant.parse("2026-03-24T09:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
    }

    @Test
    void lists_ranges_steps_and_sunday_as_seven() {
        Cron cron = Cron.parse("cron", "*/15 9-10 * * 7");
        assertThat(cron.next(Instant.parse("2026-11-28T23:00:00Z"), ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
        assertThat(cron.next(Instant.parse("2026-11-29T09:00:00Z"), ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-11-29T09:15:00Z"));
        assertThat(cron.next(Instant.parse("2026-11-29T10:45:00Z"), ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-12-06T09:00:00Z"));
    }

    @Test
    void a_time_skipped_by_the_spring_jump_does_not_happen_that_day() {
        Cron cron = Cron.parse("cron", "30 2 * * *");
        assertThat(cron.next(Instant.parse("2026-03-28T12:00:00Z"), PARIS)).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void a_time_repeated_by_the_autumn_fall_back_happens_once() {
        // 02:00 to 03:00 happens twice in Paris on 2026-10-25: first at 00:00Z (CEST), again at 01:00Z (CET).
        assertThat(Cron.parse("cron", "30 2 * * *").next(Instant.parse("2026-10-25T00:30:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
        assertThat(Cron.parse("cron", "*/30 * * * *").next(Instant.parse("2026-10-25T00:30:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void a_half_hour_dst_shift_skips_only_the_times_it_jumps_over() {
        // Lord Howe Island moves from +10:30 to +11:00 at 02:00 on 2026-10-04: 02:15 does not exist that day.
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertThat(Cron.parse("cron", "15 2 * * *").next(Instant.parse("2026-10-03T00:00:00Z"), lordHowe))
                .isEqualTo(Instant.parse("2026-10-04T15:15:00Z"));
        assertThat(Cron.parse("cron", "45 2 * * *").next(Instant.parse("2026-10-03T00:00:00Z"), lordHowe))
                .isEqualTo(Instant.parse("2026-10-03T15:45:00Z"));
    }

    @Test
    void an_expression_that_never_fires_is_refused_by_name() {
        assertThatThrownBy(() -> Cron.parse("cron", "0 0 31 2 *").next(Instant.parse("2026-06-01T00:00:00Z"), PARIS))
                .isInstanceOf(Problem.class).hasMessageContaining("'0 0 31 2 *'");
    }

    @Test
    void day_of_month_and_weekday_both_restricted_match_either() {
        Cron cron = Cron.parse("cron", "0 0 1 * 1");
        assertThat(cron.next(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-06-08T00:00:00Z"));
    }

    @Test
    void a_stepped_star_leaves_its_day_field_unrestricted_as_in_vixie_cron() {
        // "*/2" names the odd days but starts with a star, so a day must also be a Monday (AND, not OR):
        // after Monday 1 June the next odd Monday is 15 June, not Wednesday 3 June.
        Cron cron = Cron.parse("cron", "0 0 */2 * 1");
        assertThat(cron.next(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-06-15T00:00:00Z"));
    }

    @Test
    void bad_expressions_name_the_field() {
        assertThatThrownBy(() -> Cron.parse("cron", "0 10 * *")).isInstanceOf(Problem.class).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> Cron.parse("cron", "61 10 * * *")).isInstanceOf(Problem.class).hasMessageContaining("'61'");
    }
}
