package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
                everything.clock.set(reader.clock.instant());
                PublicStatus whole = everything.upbeat.snapshots().rebuild();
                assertThat(whole.version()).isEqualTo(after.version());
                assertThat(after.incidents()).isEqualTo(whole.incidents());
                assertThat(after.maintenances()).isEqualTo(whole.maintenances());
                SameBodies.assertSame(after, whole);
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

    /**
     * The bodies of a rebuild after a change are those of a fresh build, byte for byte: with more
     * incidents and windows than the bounded lists show, one changed, one added, a component
     * renamed (every body naming it changes, the incidents themselves do not) and its status set.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_rebuild_after_a_change_serves_the_bytes_of_a_fresh_build(String name, Supplier<String> database) {
        String url = database.get();
        try (TestUpbeat writer = TestUpbeat.services(url); TestUpbeat reader = TestUpbeat.services(url)) {
            writer.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
            writer.upbeat.components().create(ComponentDraft.builder().id("db").name("Database").build());
            for (int n = 0; n < 56; n++) {
                Incident i = open(writer, "Outage " + n);
                writer.upbeat.incidents().resolve(i.id(), "Fixed **for good** " + n + ".", false);
                writer.clock.advance(Duration.ofHours(7));
                if (n % 5 == 0) {
                    schedule(writer, "Upgrade " + n, Duration.ofDays(n));
                }
            }
            reader.clock.set(writer.clock.instant());
            sameAsFresh(url, reader);
            Incident oldest = reader.upbeat.snapshots().current().incidents().getLast();

            writer.upbeat.incidents().postUpdate(oldest.id(), new UpdateDraft("postmortem", "Found the cause.", null, false));
            sameAsFresh(url, reader);
            open(writer, "A new outage");
            sameAsFresh(url, reader);
            writer.upbeat.components().update("api", ComponentDraft.builder().name("Public API").build());
            PublicStatus renamed = sameAsFresh(url, reader);
            assertThat(new String(renamed.rendered().get("statuspage/v2/scheduled-maintenances"), StandardCharsets.UTF_8)).contains("Database");
            writer.upbeat.components().update("db", ComponentDraft.builder().name("Primary database").build());
            sameAsFresh(url, reader);
            writer.upbeat.components().setStatus("db", ComponentStatus.DEGRADED_PERFORMANCE);
            sameAsFresh(url, reader);
            sameAsFresh(url, reader);
        }
    }

    /** Rebuilds the reader and checks its bodies against those of an instance reading everything at the same moment. */
    private static PublicStatus sameAsFresh(String url, TestUpbeat reader) {
        PublicStatus kept = reader.upbeat.snapshots().rebuild();
        try (TestUpbeat everything = TestUpbeat.services(url)) {
            everything.clock.set(reader.clock.instant());
            PublicStatus whole = everything.upbeat.snapshots().rebuild();
            assertThat(kept.incidents()).isEqualTo(whole.incidents());
            SameBodies.assertSame(kept, whole);
        }
        return kept;
    }

    /** A maintenance window of the database, an hour long, {@code ahead} from now. */
    private static void schedule(TestUpbeat t, String title, Duration ahead) {
        LocalDateTime from = LocalDateTime.ofInstant(t.clock.instant().plus(ahead), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        t.upbeat.maintenances().schedule(MaintenanceDraft.builder().title(title).message("Planned.").components(List.of("db"))
                .scheduledFor(from.toString()).scheduledUntil(from.plusHours(1).toString()).timeZone("UTC").build());
    }

    private static Incident open(TestUpbeat t, String title) {
        return t.upbeat.incidents().open(IncidentDraft.builder().title(title).message("Looking.")
                .components(Map.of("api", "major_outage")).build());
    }
}
