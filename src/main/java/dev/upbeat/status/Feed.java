package dev.upbeat.status;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
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
        ZoneId zone = ZoneId.of(s.page().timeZone());
        List<Entry> entries = Stream.concat(s.incidents().stream(), s.maintenances().stream())
                .sorted(NEWEST_FIRST)
                .limit(MAX_ENTRIES)
                .map(i -> entry(s, i, zone))
                .toList();
        Instant updated = entries.isEmpty() ? s.generatedAt() : entries.get(0).updated();
        return new Feed(s.page().name(), s.page().url(), updated, entries);
    }

    public String title() {
        return pageName + " incident history";
    }

    public String description() {
        return "Incidents and scheduled maintenance of " + pageName + ", with every update.";
    }

    private static Entry entry(PublicStatus s, Incident i, ZoneId zone) {
        boolean maintenance = i.kind() == Kind.MAINTENANCE;
        return new Entry(maintenance ? "Maintenance: " + i.title() : i.title(), s.url(i), i.kind().wire(),
                i.createdAt(), lastChange(i), html(i, zone));
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
