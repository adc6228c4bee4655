package dev.upbeat.status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes a {@link Feed} as Atom 1.0 (RFC 4287): the feed with its id, title, updated, self and
 * alternate links and author; each entry with its page's URL as id and link, its title, updated and
 * published times, a category ("incident" or "maintenance") and every update as HTML content.
 */
public final class AtomFeed {
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** @param selfUrl where this document is served, which is also its permanent id */
    public static byte[] render(Feed feed, String selfUrl) {
        return render(feed, selfUrl, FixedBodies.Parts.NONE);
    }

    /** The same document, each entry made once for equal entries through {@code parts}. */
    static byte[] render(Feed feed, String selfUrl, FixedBodies.Parts parts) {
        return head(feed, selfUrl).each(feed.entries(), parts, Written::new, AtomFeed::entry).finish();
    }

    /** An entry as Atom writes it, apart from the same entry as RSS writes it. */
    private record Written(Feed.Entry entry) {
    }

    private static XmlDocument head(Feed feed, String selfUrl) {
        return new XmlDocument("feed", NAMESPACE).lang("en")
                .element("id", selfUrl)
                .element("title", feed.title())
                .element("subtitle", feed.description())
                .element("updated", date(feed.updated()))
                .empty("link", "rel", "self", "type", "application/atom+xml", "href", selfUrl)
                .empty("link", "rel", "alternate", "type", "text/html", "href", feed.pageUrl())
                .start("author").element("name", feed.pageName()).element("uri", feed.pageUrl()).end()
                .element("generator", "Upbeat");
    }

    private static void entry(XmlDocument xml, Feed.Entry e) {
        xml.start("entry")
                .element("id", e.url())
                .element("title", e.title())
                .element("updated", date(e.updated()))
                .element("published", date(e.published()))
                .empty("link", "rel", "alternate", "type", "text/html", "href", e.url())
                .empty("category", "term", e.category())
                .start("content").attribute("type", "html").text(e.html()).end()
                .end();
    }

    /** RFC 3339 in UTC, whole seconds: "2026-11-29T10:00:00Z". */
    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
