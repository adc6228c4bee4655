package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rebuild reads only the incidents changed since the snapshot it replaces and keeps the others,
 * so its cost does not grow with history; what it builds must still be what reading everything
 * builds. Two instances share one database: every change is made on one and read by the other, whose
 * snapshot is then compared with that of an instance reading the whole history afresh.
 */
class IncrementalHistoryTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("SQLite", (Supplier<String>) TestDatabases::sqlite),
                Arguments.of("PostgreSQL", (Supplier<String>) TestDatabases::postgresql));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_rebuild_reads_the_incidents_changed_since_its_last_and_keeps_the_rest(String name, Supplier<String> database) {
        String url = database.get();
        try (TestUpbeat writer = TestUpbeat.services(url); TestUpbeat reader = TestUpbeat.services(url)) {
            writer.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
            Incident old = open(writer, "Old outage");
            writer.upbeat.incidents().resolve(old.id(), "Fixed.", false);
            Incident settled = open(writer, "Settled outage");
            writer.upbeat.incidents().resolve(settled.id(), "Fixed.", false);
            PublicStatus before = reader.upbeat.snapshots().rebuild();
            assertThat(before.incidents()).extracting(Incident::title).containsExactly("Settled outage", "Old outage");

            writer.upbeat.incidents().postUpdate(old.id(), new UpdateDraft("postmortem", "One more word.", null, false));
            writer.upbeat.incidents().edit(old.id(), new IncidentEdit("Old outage, explained", null, null,
                    "A postmortem, months later."));
            Incident fresh = open(writer, "New outage");
            PublicStatus after = reader.upbeat.snapshots().rebuild();

            assertThat(after.incident(old.id()).orElseThrow().postmortem()).isEqualTo("A postmortem, months later.");
            assertThat(after.incident(old.id()).orElseThrow().updates()).extracting(u -> u.message()).contains("One more word.");
            assertThat(after.incidents()).extracting(Incident::title).containsExactly("New outage", "Settled outage",
                    "Old outage, explained");
            assertThat(after.incident(settled.id()).orElseThrow()).as("unchanged: kept, not read again")
                    .isSameAs(before.incident(settled.id()).orElseThrow());
            assertThat(after.incident(fresh.id())).isPresent();
            try (TestUpbeat everything = TestUpbeat.services(url)) {
                PublicStatus whole = everything.upbeat.snapshots().rebuild();
                assertThat(whole.version()).isEqualTo(after.version());
                assertThat(after.incidents()).isEqualTo(whole.incidents());
                assertThat(after.maintenances()).isEqualTo(whole.maintenances());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void what_an_older_version_changes_without_a_change_number_is_read_within_the_hour(String name, Supplier<String> database) {
        String url = database.get();
        try (TestUpbeat writer = TestUpbeat.services(url); TestUpbeat reader = TestUpbeat.services(url)) {
            writer.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
            Incident incident = open(writer, "Outage");
            reader.upbeat.snapshots().rebuild();
            reader.upbeat.snapshots().rebuild();   // the full read is done; this one kept what it had

            // As an instance still running the version before change numbers writes, during a rolling upgrade.
            writer.upbeat.database().inTransaction(tx -> {
                tx.handle().createUpdate("UPDATE incidents SET title = 'Outage, renamed' WHERE id = :id").bind("id", incident.id()).execute();
                return tx.handle().createUpdate("UPDATE change_sequence SET seq = seq + 1 WHERE id = 1").execute();
            });
            assertThat(reader.upbeat.snapshots().rebuild().incident(incident.id()).orElseThrow().title())
                    .as("unstamped: not among the rows changed since").isEqualTo("Outage");

            reader.clock.advance(StatusSnapshots.FULL_READ_EVERY);
            PublicStatus later = reader.upbeat.snapshots().rebuild();
            assertThat(later.incident(incident.id()).orElseThrow().title()).isEqualTo("Outage, renamed");
            try (TestUpbeat everything = TestUpbeat.services(url)) {
                everything.clock.set(reader.clock.instant());
                PublicStatus whole = everything.upbeat.snapshots().rebuild();
                assertThat(later.incidents()).isEqualTo(whole.incidents());
                assertThat(later.uptime()).isEqualTo(whole.uptime());
            }
        }
    }

    private static Incident open(TestUpbeat t, String title) {
        return t.upbeat.incidents().open(IncidentDraft.builder().title(title).message("Looking.")
                .components(Map.of("api", "major_outage")).build());
    }
}
