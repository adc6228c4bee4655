package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot version is the database's change count: it moves with changes readers see, and only then. */
class SnapshotVersionTest {
    private final String database = TestDatabases.sqlite();

    @Test
    void a_rebuild_without_a_change_keeps_the_version_and_wakes_no_listener() {
        try (TestUpbeat t = TestUpbeat.services(database)) {
            StatusSnapshots snapshots = t.upbeat.snapshots();
            long before = snapshots.rebuild().version();
            List<Long> heard = new ArrayList<>();
            snapshots.onRebuild(s -> heard.add(s.version()));

            PublicStatus again = snapshots.rebuild();

            assertThat(again.version()).isEqualTo(before);
            assertThat(heard).isEmpty();
            t.upbeat.components().create(ComponentDraft.builder().name("API").build());
            assertThat(snapshots.current().version()).isEqualTo(before + 1);
            assertThat(heard).containsExactly(before + 1);
        }
    }

    @Test
    void bookkeeping_does_not_count_as_a_change() {
        try (TestUpbeat t = TestUpbeat.services(database)) {
            long before = t.upbeat.snapshots().rebuild().version();
            t.upbeat.tokens().create("ci");
            assertThat(t.upbeat.snapshots().rebuild().version()).isEqualTo(before);
        }
    }

    @Test
    void the_version_keeps_growing_across_a_restart_and_starts_above_wall_clock_versions() {
        long first;
        try (TestUpbeat t = TestUpbeat.services(database)) {
            first = t.upbeat.snapshots().rebuild().version();
            assertThat(first).as("above any wall-clock millisecond an earlier Upbeat used as version")
                    .isGreaterThan(1_700_000_000_000L);
            t.upbeat.components().create(ComponentDraft.builder().name("API").build());
        }
        try (TestUpbeat t = TestUpbeat.services(database)) {
            assertThat(t.upbeat.snapshots().rebuild().version()).isEqualTo(first + 1);
        }
    }

    @Test
    void a_client_naming_a_version_the_database_has_not_reached_changes_nothing() {
        try (TestUpbeat t = TestUpbeat.services(database)) {
            long before = t.upbeat.snapshots().rebuild().version();
            assertThat(t.upbeat.snapshots().catchUp(before + 1_000).version()).isEqualTo(before);
        }
    }
}
