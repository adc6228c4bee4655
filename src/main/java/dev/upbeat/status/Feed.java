package dev.upbeat.status;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * What the history feeds say, whatever their format: the page's incidents and maintenance as
 * entries, most recently updated first (so a late update to an old incident reaches readers), at
 * most {@link #MAX_ENTRIES}. {@link AtomFeed} and {@link RssFeed} write the same Feed.
 *
 * @param updated the newest entry's update time, or the snapshot's time when there is no entry
 */
public record Feed(String pageName, String pageUrl, Instant updated, List<Entry> entries) {
    public static final int MAX_ENTRIES = 50;

    private static final Comparator<Incident> NEWEST_FIRST =
            Comparator.comparing(Feed::lastChange).thenComparing(Incident::id).reversed();

    /**
     * One incident or maintenance.
     *
     * @param category "incident" or "maintenance"
     * @param html     every update, oldest first, as sanitised HTML (not yet XML-escaped)
     */
    public record Entry(String title, String url, String category, Instant published, Instant updated, String html) {
    }

    public static Feed of(PublicStatus s) {
        return of(s, new ReusedParts());
    }

    /** The feed, with each entry equal to one a rebuild before made taken from {@code reused}. */
    static Feed of(PublicStatus s, ReusedParts reused) {
        ZoneId zone = ZoneId.of(s.page().timeZone());
        List<Entry> entries = newest(Stream.concat(s.incidents().stream(), s.maintenances().stream())).stream()
                .map(i -> reused.get(new EntryOf(i, s.url(i), zone), Feed::entry))
                .toList();
        Instant updated = entries.isEmpty() ? s.generatedAt() : entries.get(0).updated();
        return new Feed(s.page().name(), s.page().url(), updated, entries);
    }

    /**
     * The {@link #MAX_ENTRIES} most recently updated, newest first: what sorting them all and taking
     * the first gives (the order is total), without sorting years of history.
     */
    private static List<Incident> newest(Stream<Incident> all) {
        PriorityQueue<Incident> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());
        all.forEach(i -> {
            if (kept.size() < MAX_ENTRIES) {
                kept.add(i);
            } else if (NEWEST_FIRST.compare(i, kept.peek()) < 0) { // newer than the oldest kept
                kept.poll();
                kept.add(i);
            }
        });
        List<Incident> newest = new ArrayList<>(kept);
        newest.sort(NEWEST_FIRST);
        return newest;
    }

    public String title() {
        return pageName + " incident history";
    }

    public String description() {
        return "Incidents and scheduled maintenance of " + pageName + ", with every update.";
    }

    /** Everything an entry is made from: its incident (by identity, see {@link FixedBodies.Parts}), the incident's page and the page's zone. */
    private record EntryOf(Incident incident, String url, ZoneId zone) {
        @Override
        public boolean equals(Object o) {
            return o instanceof EntryOf e && e.incident == incident && e.url.equals(url) && e.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(incident) + url.hashCode()) + zone.hashCode();
        }
    }

    private static Entry entry(EntryOf of) {
        Incident i = of.incident();
        boolean maintenance = i.kind() == Kind.MAINTENANCE;
        return new Entry(maintenance ? "Maintenance: " + i.title() : i.title(), of.url(), i.kind().wire(),
                i.createdAt(), lastChange(i), html(i, of.zone()));
    }

    /**
     * The later of the last change and the creation: an incident recorded after the fact carries
     * its past resolution time as its last change, yet was published only now.
     */
    private static Instant lastChange(Incident i) {
        return i.updatedAt().isAfter(i.createdAt()) ? i.updatedAt() : i.createdAt();
    }

    /** Only our own fixed markup and times are joined here; every user's text comes out of the sanitizer. */
    private static String html(Incident i, ZoneId zone) {
        StringBuilder html = new StringBuilder();
        if (i.kind() == Kind.MAINTENANCE) {
            html.append("<p>Scheduled maintenance from ").append(time(i.scheduledFor(), zone))
                    .append(" to ").append(time(i.scheduledUntil(), zone)).append("</p>");
        }
        for (IncidentUpdate u : i.updates()) {
            html.append("<p><small>").append(time(u.displayAt(), zone)).append("</small><br><strong>")
                    .append(StatusRollup.words(u.status())).append("</strong></p>")
                    .append(Markdown.toSafeHtml(u.message()));
        }
        return html.toString();
    }

    private static String time(Instant instant, ZoneId zone) {
        return DisplayTime.format(instant, zone);
    }
}
