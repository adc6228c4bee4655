package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.compat.CompatBodies;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.ComponentChange;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.IncidentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bodies made with the parts of the rebuild before are the bytes the one JSON configuration makes
 * of them whole: on first use, when copied, and after a part changed; with text a generator might
 * escape differently alone than inside a document (characters beyond the BMP, controls, markup).
 */
class ReusedPartsTest {
    private static final String AWKWARD = TestSnapshots.HOSTILE_MESSAGE + " \uD83D\uDE80 caf\u00E9 \u2028 \\ \"";

    @Test
    void every_json_body_is_what_the_json_configuration_makes_of_it_whole() {
        ReusedParts reused = new ReusedParts();
        PublicStatus s = snapshot("Database");
        same(reused, s);
        reused.next();
        same(reused, s);
        reused.next();
        PublicStatus renamed = snapshot("Primary database");
        same(reused, renamed);
        reused.next();
        List<Incident> windows = new ArrayList<>(renamed.maintenances());
        windows.set(3, windows.get(3).toBuilder().title("Moved \uD83D\uDE80").build());
        same(reused, renamed.toBuilder().maintenances(windows).build());
    }

    @Test
    void a_part_is_copied_for_the_same_incident_and_made_again_for_an_equal_one_read_again() {
        ReusedParts reused = new ReusedParts();
        int[] made = {0};
        FixedBodies.Parts counting = new FixedBodies.Parts() {
            @Override
            public <K, V> V get(K key, Function<K, V> make) {
                return reused.get(key, k -> {
                    made[0]++;
                    return make.apply(k);
                });
            }
        };
        PublicStatus s = snapshot("Database");
        new CompatBodies().of(s, counting);
        reused.next();
        assertThat(made[0]).as("the first rebuild makes every part").isGreaterThan(100);
        made[0] = 0;
        new CompatBodies().of(s, counting);
        reused.next();
        assertThat(made[0]).as("the same incidents: every part copied").isZero();
        List<Incident> windows = new ArrayList<>(s.maintenances());
        Incident readAgain = windows.get(0).toBuilder().build();
        assertThat(readAgain).isEqualTo(windows.get(0)).isNotSameAs(windows.get(0));
        windows.set(0, readAgain);
        new CompatBodies().of(s.toBuilder().maintenances(windows).build(), counting);
        assertThat(made[0]).as("only the window read again is made again").isEqualTo(1);
    }

    @Test
    void the_feeds_made_from_kept_entries_are_the_documents_written_whole() {
        ReusedParts reused = new ReusedParts();
        String self = TestSnapshots.PAGE.url() + "/history";
        for (String name : List.of("Database", "Database", "Primary database")) {
            PublicStatus s = snapshot(name);
            Feed feed = Feed.of(s, reused);
            assertThat(feed).isEqualTo(Feed.of(s));
            assertThat(new String(AtomFeed.render(feed, self, reused), StandardCharsets.UTF_8))
                    .isEqualTo(new String(AtomFeed.render(feed, self), StandardCharsets.UTF_8));
            assertThat(new String(RssFeed.render(feed, self, reused), StandardCharsets.UTF_8))
                    .isEqualTo(new String(RssFeed.render(feed, self), StandardCharsets.UTF_8));
            reused.next();
        }
    }

    @Test
    void a_part_is_made_once_per_rebuild_and_kept_only_for_the_next() {
        ReusedParts reused = new ReusedParts();
        List<String> made = new ArrayList<>();
        Function<String, String> make = key -> {
            made.add(key);
            return key.toUpperCase();
        };
        assertThat(reused.get("a", make)).isEqualTo("A");
        assertThat(reused.get("a", make)).isEqualTo("A");
        reused.next();
        assertThat(reused.get("a", make)).isEqualTo("A");
        reused.next();
        reused.next();
        assertThat(reused.get("a", make)).isEqualTo("A");
        assertThat(made).as("made again only after a rebuild that did not use it").containsExactly("a", "a");
    }

    /** The bodies made with {@code reused} (views and JSON) against the same made afresh and written whole. */
    private static void same(ReusedParts reused, PublicStatus s) {
        Map<String, Object> made = new HashMap<>(new CompatBodies().of(s, reused));
        Map<String, Object> fresh = new HashMap<>(new CompatBodies().of(s));
        assertThat(made.keySet()).isEqualTo(fresh.keySet());
        fresh.forEach((key, body) -> assertThat(new String(reused.toJson(made.get(key)), StandardCharsets.UTF_8)).as(key)
                .isEqualTo(new String(StatusSnapshots.toJson(body), StandardCharsets.UTF_8)));
    }

    /** The incident affecting the component, its first update recording the change. */
    private static Incident onDb(Incident i) {
        IncidentUpdate u = i.updates().get(0);
        IncidentUpdate first = IncidentUpdate.builder().id(u.id()).incidentId(i.id()).status(u.status()).message(u.message())
                .notifySubscribers(true).createdAt(u.createdAt()).displayAt(u.displayAt())
                .changes(List.of(new ComponentChange("db", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE))).build();
        return i.toBuilder().components(List.of(new AffectedComponent("db", ComponentStatus.MAJOR_OUTAGE)))
                .updates(List.of(first)).build();
    }

    /** Sixty windows and sixty incidents, every update with awkward text, on a component named {@code name}. */
    private static PublicStatus snapshot(String name) {
        Instant at = TestSnapshots.NOW.minus(Duration.ofDays(200));
        List<Incident> incidents = new ArrayList<>();
        List<Incident> windows = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            Instant t = at.plus(Duration.ofDays(3L * n));
            incidents.add(0, onDb(TestSnapshots.incident(n + 1, "Outage " + n + " \uD83D\uDD25", t, t.plusSeconds(600),
                    TestSnapshots.update(1000 + n, IncidentStatus.INVESTIGATING, AWKWARD, t))));
            windows.add(0, onDb(TestSnapshots.maintenance(500 + n, TestSnapshots.HOSTILE_TITLE, t, t.plusSeconds(60),
                    t.plusSeconds(3600), TestSnapshots.update(2000 + n, IncidentStatus.SCHEDULED, AWKWARD + n, t))));
        }
        return TestSnapshots.of(List.of(TestSnapshots.component("db", name, ComponentStatus.OPERATIONAL)), incidents, windows);
    }
}
