package dev.upbeat.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link Feed} as RSS 2.0: the channel with title, link, description, language and last
 * build date (plus an atom:link to itself, as feed validators recommend); each item with title,
 * link, a permalink guid, publication date, category and every update as escaped HTML.
 */
public final class RssFeed {
    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";

    private RssFeed() {
    }

    /** @param selfUrl where this document is served */
    public static byte[] render(Feed feed, String selfUrl) {
        return render(feed, selfUrl, FixedBodies.Parts.NONE);
    }

    /** The same document, each item made once for equal entries through {@code parts}. */
    static byte[] render(Feed feed, String selfUrl, FixedBodies.Parts parts) {
        return head(feed, selfUrl).each(feed.entries(), parts, Written::new, RssFeed::item).finish();
    }

    /** An entry as RSS writes it, apart from the same entry as Atom writes it. */
    private record Written(Feed.Entry entry) {
    }

    private static XmlDocument head(Feed feed, String selfUrl) {
        XmlDocument xml = new XmlDocument("rss", null).attribute("version", "2.0")
                .namespace("atom", AtomFeed.NAMESPACE)
                .start("channel")
                .element("title", feed.title())
                .element("link", feed.pageUrl())
                .element("description", feed.description())
                .element("language", "en")
                .element("lastBuildDate", date(feed.updated()))
                .element("generator", "Upbeat");
        xml.start("atom", "link", AtomFeed.NAMESPACE).attribute("href", selfUrl).attribute("rel", "self")
                .attribute("type", "application/rss+xml").end();
        return xml;
    }

    private static void item(XmlDocument xml, Feed.Entry e) {
        xml.start("item")
                .element("title", e.title())
                .element("link", e.url())
                .start("guid").attribute("isPermaLink", "true").text(e.url()).end()
                .element("pubDate", date(e.published()))
                .element("category", e.category())
                .element("description", e.html())
                .end();
    }

    /** RFC 822 (with a four-digit year, as RSS 2.0 allows) in GMT: "Sun, 29 Nov 2026 10:00:00 GMT". */
    static String date(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
