package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Dom;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The rules of the RSS 2.0 specification, checked on a parsed document: one channel with title,
 * link and description; items with a title or description; absolute links and permalink guids;
 * dates in RFC 822.
 */
final class RssRules {
    private RssRules() {
    }

    /** Fails unless {@code doc} keeps every rule checked here; returns the channel. */
    static Element assertValid(Document doc) {
        Element rss = doc.getDocumentElement();
        assertThat(rss.getNamespaceURI()).isNull();
        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        List<Element> channels = Dom.children(rss, null, "channel");
        assertThat(channels).hasSize(1);
        Element channel = channels.get(0);
        once(channel, "title", "link", "description");
        atMostOnce(channel, "language", "lastBuildDate", "pubDate", "generator", "ttl");
        url(Dom.text(channel, null, "link"));
        Dom.children(channel, null, "lastBuildDate").forEach(d -> date(d.getTextContent()));
        Dom.children(channel, null, "item").forEach(RssRules::item);
        return channel;
    }

    private static void item(Element item) {
        assertThat(Dom.children(item, null, "title").size() + Dom.children(item, null, "description").size())
                .as("an item has a title or a description").isPositive();
        atMostOnce(item, "title", "link", "description", "guid", "pubDate");
        Dom.children(item, null, "link").forEach(l -> url(l.getTextContent()));
        Dom.children(item, null, "pubDate").forEach(d -> date(d.getTextContent()));
        for (Element guid : Dom.children(item, null, "guid")) {
            if (!"false".equals(guid.getAttribute("isPermaLink"))) {
                url(guid.getTextContent());
            }
        }
        Dom.children(item, null, "description").forEach(d -> assertThat(Dom.children(d)).isEmpty());
    }

    private static void once(Element parent, String... names) {
        for (String name : names) {
            assertThat(Dom.children(parent, null, name)).as("exactly one " + name).hasSize(1);
        }
    }

    private static void atMostOnce(Element parent, String... names) {
        for (String name : names) {
            assertThat(Dom.children(parent, null, name).size()).as("at most one " + name).isLessThanOrEqualTo(1);
        }
    }

    static void date(String value) {
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
    }

    private static void url(String value) {
        URI uri = URI.create(value);
        assertThat(uri.getScheme()).as(value).isIn("http", "https");
        assertThat(uri.getHost()).as(value).isNotNull();
    }
}
