package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Schedules, expiry and crash recovery on a clock the test moves. */
class ScheduleTest {
    TestUpbeat t = TestUpbeat.services(TestDatabases.sqlite());
    SimulatorService sims = t.upbeat.simulator();
    ScheduleService schedules = t.upbeat.simulatorSchedules();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void a_weekly_schedule_starts_on_time_ends_after_its_duration_and_never_overlaps_itself() {
        t.clock.set(Instant.parse("2026-03-23T12:00:00Z"));
        sims.createTarget("platform-api", "127.0.0.1:0", null);
        Schedule s = schedules.create("platform-api", "0 10 * * 2", "Europe/Paris", Duration.ofMinutes(15),
                List.of(MaintenanceFault.always()));
        assertThat(s.nextAt()).isEqualTo(Instant.parse("2026-03-24T09:00:00Z"));
        assertThat(schedules.runDue()).isEmpty();

        t.clock.set(Instant.parse("2026-03-24T09:00:00Z"));
        List<Run> started = schedules.runDue();
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo("schedule");
            assertThat(r.endsAt()).isEqualTo(Instant.parse("2026-03-24T09:15:00Z"));
        });
        assertThat(schedules.runDue()).as("claimed once").isEmpty();
        assertThat(schedules.find(s.id()).nextAt()).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));

        t.clock.set(Instant.parse("2026-03-24T09:15:00Z"));
        sims.tick();
        Run ended = sims.run(started.get(0).id());
        assertThat(ended.endReason()).isEqualTo("expired");
        assertThat(ended.endedAt()).isEqualTo(Instant.parse("2026-03-24T09:15:00Z"));
    }

    @Test
    void a_schedule_every_minute_for_five_skips_the_occurrences_that_would_overlap() {
        t.clock.set(Instant.parse("2026-05-01T00:00:30Z"));
        sims.createTarget("flappy", "127.0.0.1:0", null);
        Schedule s = schedules.create("flappy", "* * * * *", "UTC", Duration.ofMinutes(5), List.of(ResetFault.always()));
        t.clock.set(Instant.parse("2026-05-01T00:01:00Z"));
        assertThat(schedules.runDue()).hasSize(1);
        assertThat(schedules.find(s.id()).nextAt()).isEqualTo(Instant.parse("2026-05-01T00:06:00Z"));
    }

    @Test
    void a_missed_occurrence_runs_for_what_is_left_and_a_passed_one_is_skipped() {
        t.clock.set(Instant.parse("2026-05-01T09:00:00Z"));
        sims.createTarget("late", "127.0.0.1:0", null);
        schedules.create("late", "0 10 * * *", "UTC", Duration.ofMinutes(30), List.of(MaintenanceFault.always()));
        t.clock.set(Instant.parse("2026-05-01T10:20:00Z"));
        assertThat(schedules.runDue()).singleElement()
                .satisfies(r -> assertThat(r.endsAt()).isEqualTo(Instant.parse("2026-05-01T10:30:00Z")));
        sims.stop(sims.liveRun("late").orElseThrow().id());
        t.clock.set(Instant.parse("2026-05-02T11:00:00Z"));
        assertThat(schedules.runDue()).isEmpty();
    }

    @Test
    void a_run_left_live_by_a_crash_is_ended_at_the_next_start() {
        endsRunsLeftLive(TestDatabases.sqlite());
    }

    @Test
    void runs_counts_and_crash_recovery_work_on_postgresql_too() {
        endsRunsLeftLive(TestDatabases.postgresql());
    }

    private static void endsRunsLeftLive(String database) {
        long id;
        try (TestUpbeat first = TestUpbeat.services(database)) {
            first.upbeat.simulator().createTarget("crashy", "127.0.0.1:0", null);
            id = first.upbeat.simulator().start("crashy", List.of(MaintenanceFault.always()), Duration.ofHours(1), RunOrigin.API, null).id();
            first.upbeat.simulator().end(id, EndReason.STOPPED);
            id = first.upbeat.simulator().start("crashy", List.of(MaintenanceFault.always()), Duration.ofHours(1), RunOrigin.API, null).id();
            // closed without ending the run, as a crash would leave it
        }
        try (TestUpbeat second = TestUpbeat.services(database)) {
            // A run is only ended once its owner's lease has lapsed: a live owner keeps it going.
            second.clock.advance(Duration.ofSeconds(16));
            second.upbeat.simulator().open();
            Run run = second.upbeat.simulator().run(id);
            assertThat(run.live()).isFalse();
            assertThat(run.endReason()).isEqualTo("interrupted");
            assertThat(second.upbeat.simulator().runs("crashy", 10)).extracting(Run::endReason).containsExactly("interrupted", "stopped");
            second.upbeat.simulator().close();
        }
    }
}
