package dev.upbeat.status;

import static dev.upbeat.status.TestSnapshots.NOW;
import static dev.upbeat.status.TestSnapshots.incident;
import static dev.upbeat.status.TestSnapshots.maintenance;
import static dev.upbeat.status.TestSnapshots.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeedTest {

    @Test
    void entries_are_incidents_and_maintenance_most_recently_updated_first() {
        Incident old = incident(1, "Old outage", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofHours(1)));
        Incident recent = incident(2, "Recent outage", NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)));
        Incident window = maintenance(3, "Database upgrade", NOW.minus(Duration.ofHours(5)), NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(2).plusHours(1)));

        Feed feed = Feed.of(TestSnapshots.of(List.of(), List.of(recent, old), List.of(window)));

        assertThat(feed.entries()).extracting(Feed.Entry::title)
                .as("an old incident updated an hour ago comes first").containsExactly("Old outage", "Maintenance: Database upgrade", "Recent outage");
        assertThat(feed.entries()).extracting(Feed.Entry::category).containsExactly("incident", "maintenance", "incident");
        assertThat(feed.entries()).extracting(Feed.Entry::url).containsExactly("https://status.example.test/incidents/1",
                "https://status.example.test/maintenance/3", "https://status.example.test/incidents/2");
        assertThat(feed.updated()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(feed.entries().get(0).published()).isEqualTo(NOW.minus(Duration.ofDays(9)));
    }

    @Test
    void the_feed_keeps_the_fifty_newest_entries() {
        List<Incident> many = LongStream.rangeClosed(1, 70)
                .mapToObj(i -> incident(i, "Incident " + i, NOW.minusSeconds(100 - i), NOW.minusSeconds(100 - i))).toList();

        Feed feed = Feed.of(TestSnapshots.of(List.of(), many, List.of()));

        assertThat(feed.entries()).hasSize(Feed.MAX_ENTRIES);
        assertThat(feed.entries().get(0).title()).isEqualTo("Incident 70");
        assertThat(feed.entries().get(49).title()).isEqualTo("Incident 21");
        List<Incident> shuffled = new java.util.ArrayList<>(many);
        java.util.Collections.shuffle(shuffled, new java.util.Random(5));
        assertThat(Feed.of(TestSnapshots.of(List.of(), shuffled.subList(0, 35), shuffled.subList(35, 70))).entries())
                .as("the same fifty in the same order, however the lists come").extracting(Feed.Entry::url)
                .isEqualTo(feed.entries().stream().map(Feed.Entry::url).toList());
    }

    @Test
    void an_entry_holds_every_update_oldest_first_with_local_time_status_in_words_and_rendered_markdown() {
        Incident i = incident(7, "API errors", NOW, NOW.plusSeconds(600),
                update(1, IncidentStatus.INVESTIGATING, "Looking into **errors**.", NOW),
                update(2, IncidentStatus.RESOLVED, "All clear.", NOW.plusSeconds(600)));

        String html = Feed.of(TestSnapshots.of(List.of(), List.of(i), List.of())).entries().get(0).html();

        assertThat(html).contains("29 Nov 2026 11:00 CET").contains("<strong>Investigating</strong>")
                .contains("Looking into <strong>errors</strong>.").contains("<strong>Resolved</strong>").contains("All clear.");
        assertThat(html.indexOf("Investigating")).isLessThan(html.indexOf("Resolved"));
    }

    @Test
    void a_maintenance_entry_says_it_is_maintenance_and_when() {
        Incident m = maintenance(3, "Database upgrade", NOW, NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2).plusHours(1)),
                update(1, IncidentStatus.SCHEDULED, "Expect brief resets.", NOW));

        Feed.Entry entry = Feed.of(TestSnapshots.of(List.of(), List.of(), List.of(m))).entries().get(0);

        assertThat(entry.title()).isEqualTo("Maintenance: Database upgrade");
        assertThat(entry.html()).contains("Scheduled maintenance from 1 Dec 2026 11:00 CET to 1 Dec 2026 12:00 CET")
                .contains("<strong>Scheduled</strong>").contains("Expect brief resets.");
    }

    @Test
    void an_empty_page_has_no_entries_and_is_as_new_as_its_snapshot() {
        Feed feed = Feed.of(TestSnapshots.empty());

        assertThat(feed.entries()).isEmpty();
        assertThat(feed.updated()).isEqualTo(NOW);
        assertThat(feed.title()).isEqualTo("Acme Status incident history");
    }
}
