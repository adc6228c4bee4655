package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.probe.ProbeDraft;
import dev.upbeat.probe.ResultRepository;
import dev.upbeat.probe.StoredResult;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.uptime.DayTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rebuild keeps the past days' uptime and probe roll-ups it read before and reads only what
 * changed; after every kind of change to a past day, made on another instance, and as days close
 * and the thirteen-month window slides, what it builds must be what reading everything builds.
 */
class IncrementalUptimeTest {
    /** Components are made thirteen and a half months before NOW, so the window is full. */
    private static final Instant MADE = Instant.parse("2025-02-10T08:00:00Z");
    /** Three hours before midnight at the end of a month: the window's first month drops out at midnight. */
    private static final Instant NOW = Instant.parse("2026-03-31T21:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("SQLite", (Supplier<String>) TestDatabases::sqlite),
                Arguments.of("PostgreSQL", (Supplier<String>) TestDatabases::postgresql));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void every_incremental_rebuild_equals_a_fresh_one(String name, Supplier<String> database) {
        String url = database.get();
        try (TestUpbeat writer = TestUpbeat.services(url); TestUpbeat reader = TestUpbeat.services(url)) {
            writer.clock.set(MADE);
            writer.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
            writer.upbeat.components().create(ComponentDraft.builder().id("db").name("Database").build());
            writer.upbeat.components().create(ComponentDraft.builder().id("cache").name("Cache").build());
            at(NOW, writer, reader);
            past(writer, "api", "2025-03-15T10:00:00Z", "2025-03-16T02:00:00Z");
            past(writer, "db", "2026-03-20T10:00:00Z", "2026-03-20T12:00:00Z");
            probeWithResults(writer, "web", 3);
            probeWithResults(writer, "edge", 5); // a second probe of the same component: their days add up
            PublicStatus first = sameAsFresh(url, reader);
            assertThat(first.uptime().get("api").daily().firstKey()).isEqualTo(LocalDate.parse("2025-03-01"));

            PublicStatus unchanged = sameAsFresh(url, reader);
            assertThat(unchanged.version()).as("nothing changed").isEqualTo(first.version());

            past(writer, "api", "2025-12-01T00:00:00Z", "2025-12-01T06:00:00Z");
            PublicStatus backDated = sameAsFresh(url, reader);
            assertThat(day(backDated, "api", "2025-12-01").majorSeconds()).isEqualTo(6 * 3600);

            Incident open = writer.upbeat.incidents().open(IncidentDraft.builder().title("Slow").message("Looking.")
                    .components(Map.of("db", "degraded_performance")).startedAt(NOW.minus(Duration.ofDays(3))).build());
            sameAsFresh(url, reader);
            writer.upbeat.incidents().edit(open.id(), new IncidentEdit(null, null, NOW.minus(Duration.ofDays(9)), null));
            PublicStatus earlier = sameAsFresh(url, reader);
            assertThat(day(earlier, "db", "2026-03-23").degradedSeconds()).as("the start moved earlier").isPositive();
            writer.clock.advance(Duration.ofMinutes(30));
            reader.clock.advance(Duration.ofMinutes(30));
            writer.upbeat.incidents().resolve(open.id(), "Fixed.", false);
            PublicStatus ended = sameAsFresh(url, reader);
            assertThat(day(ended, "db", "2026-03-31").degradedSeconds()).as("its end closed the day's interval").isPositive();

            writer.upbeat.components().delete("db");
            writer.upbeat.components().create(ComponentDraft.builder().id("cdn").name("CDN").build());
            PublicStatus moved = sameAsFresh(url, reader);
            assertThat(moved.uptime()).containsKey("cdn").doesNotContainKey("db");
            writer.upbeat.components().delete("cache"); // operational since it was made: no roll-ups, one long open interval
            writer.upbeat.components().create(ComponentDraft.builder().id("cache").name("Cache").build());
            writer.clock.advance(Duration.ofMinutes(1));
            reader.clock.advance(Duration.ofMinutes(1));
            PublicStatus remade = sameAsFresh(url, reader);
            assertThat(remade.uptime().get("cache").daily()).as("made again under its id: only today's minute").hasSize(1);

            writer.upbeat.probes().rollups().run();
            PublicStatus rolled = sameAsFresh(url, reader);
            assertThat(rolled.version()).as("rolling up is no change of its own").isEqualTo(remade.version());
            assertThat(rolled.measured().uptime().get("api").daily()).as("three days measured, two of them now rolled up")
                    .containsKeys(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"), LocalDate.parse("2026-03-31"));

            at(Instant.parse("2026-04-01T01:00:00Z"), writer, reader);
            PublicStatus nextDay = sameAsFresh(url, reader);
            assertThat(nextDay.uptime().get("api").daily().firstKey()).as("the window slid")
                    .isEqualTo(LocalDate.parse("2025-04-01"));
            writer.upbeat.probes().rollups().run();
            sameAsFresh(url, reader);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void roll_ups_rewritten_without_a_trace_are_read_again_within_the_hour(String name, Supplier<String> database) {
        String url = database.get();
        try (TestUpbeat writer = TestUpbeat.services(url); TestUpbeat reader = TestUpbeat.services(url)) {
            writer.clock.set(MADE);
            writer.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
            at(NOW, writer, reader);
            probeWithResults(writer, "web", 3);
            writer.upbeat.probes().rollups().run();
            reader.upbeat.snapshots().rebuild();
            PublicStatus kept = reader.upbeat.snapshots().rebuild();

            // A database put back (a restore, a failover) can hold other roll-ups with the marks the instance saw.
            writer.upbeat.database().inTransaction(tx -> tx.handle()
                    .createUpdate("UPDATE probe_rollups SET up_seconds = 0, down_seconds = 86400 WHERE bucket = 'day'").execute());
            assertThat(reader.upbeat.snapshots().rebuild().measured()).as("kept, not read again").isEqualTo(kept.measured());

            reader.clock.advance(StatusSnapshots.FULL_READ_EVERY);
            writer.clock.advance(StatusSnapshots.FULL_READ_EVERY);
            PublicStatus later = sameAsFresh(url, reader);
            assertThat(later.measured()).isNotEqualTo(kept.measured());
        }
    }

    /** Rebuilds the reader, then checks it against an instance that reads everything at the same moment. */
    private static PublicStatus sameAsFresh(String url, TestUpbeat reader) {
        PublicStatus kept = reader.upbeat.snapshots().rebuild();
        try (TestUpbeat everything = TestUpbeat.services(url)) {
            everything.clock.set(reader.clock.instant());
            PublicStatus whole = everything.upbeat.snapshots().rebuild();
            assertThat(kept.version()).isEqualTo(whole.version());
            assertThat(kept.uptime()).isEqualTo(whole.uptime());
            assertThat(kept.measured()).isEqualTo(whole.measured());
            assertThat(kept.incidents()).isEqualTo(whole.incidents());
            SameBodies.assertSame(kept, whole);
        }
        return kept;
    }

    /** A past outage, recorded after the fact. */
    private static void past(TestUpbeat t, String component, String from, String to) {
        t.upbeat.incidents().open(IncidentDraft.builder().title("Outage of " + component).status("resolved")
                .message("It was down.").components(Map.of(component, "major_outage"))
                .startedAt(Instant.parse(from)).resolvedAt(Instant.parse(to)).build());
    }

    /** A probe of the API made some days ago, with a result every ten minutes since, none rolled up yet. */
    private static void probeWithResults(TestUpbeat t, String name, int daysAgo) {
        Instant made = NOW.minus(Duration.ofDays(daysAgo));
        t.clock.set(made);
        t.upbeat.probes().service().create(ProbeDraft.builder().name(name).url("http://127.0.0.1:9/health")
                .interval("PT10M").timeout("PT2S").component("api").build());
        t.clock.set(NOW);
        ResultRepository results = new ResultRepository();
        t.upbeat.database().inTransaction(tx -> {
            for (Instant at = made; at.isBefore(NOW); at = at.plus(Duration.ofMinutes(10))) {
                boolean ok = (at.getEpochSecond() / 600 + daysAgo) % 7 != 0;
                results.insert(tx, StoredResult.builder().probeId(name).checkedAt(at).ok(ok).inMaintenance(false)
                        .latencyMs(40 + at.getEpochSecond() % 60).coveredMs(600_000).error(ok ? null : "refused").build());
            }
            return null;
        });
    }

    private static void at(Instant instant, TestUpbeat... all) {
        for (TestUpbeat t : all) {
            t.clock.set(instant);
        }
    }

    private static DayTotals day(PublicStatus s, String component, String day) {
        return s.uptime().get(component).daily().get(LocalDate.parse(day));
    }
}
