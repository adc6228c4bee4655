package dev.upbeat.status;

import static dev.upbeat.status.TestSnapshots.NOW;
import static dev.upbeat.status.TestSnapshots.incident;
import static dev.upbeat.status.TestSnapshots.maintenance;
import static dev.upbeat.status.TestSnapshots.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.testing.Dom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class RssFeedTest {
    private static final String SELF = "https://status.example.test/history.rss";

    private static byte[] rss(PublicStatus s) {
        return RssFeed.render(Feed.of(s), SELF);
    }

    @Test
    void a_feed_carries_the_channel_and_item_elements_rss_2_defines() {
        PublicStatus s = TestSnapshots.of(List.of(), List.of(incident(42, "API errors", NOW.minusSeconds(600), NOW,
                update(1, IncidentStatus.INVESTIGATING, "Looking.", NOW.minusSeconds(600)))),
                List.of(maintenance(3, "Database upgrade", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(1).plusHours(1)))));

        Element channel = RssRules.assertValid(Dom.parse(rss(s)));

        assertThat(Dom.text(channel, null, "title")).isEqualTo("Acme Status incident history");
        assertThat(Dom.text(channel, null, "link")).isEqualTo("https://status.example.test");
        assertThat(Dom.text(channel, null, "description")).contains("Acme Status");
        assertThat(Dom.text(channel, null, "language")).isEqualTo("en");
        assertThat(Dom.text(channel, null, "lastBuildDate")).isEqualTo("Sun, 29 Nov 2026 10:00:00 GMT");
        assertThat(Dom.children(channel, AtomRules.ATOM, "link").get(0).getAttribute("href")).isEqualTo(SELF);
        List<Element> items = Dom.children(channel, null, "item");
        assertThat(items).extracting(i -> Dom.text(i, null, "title")).containsExactly("API errors", "Maintenance: Database upgrade");
        Element item = items.get(0);
        assertThat(Dom.text(item, null, "link")).isEqualTo("https://status.example.test/incidents/42");
        Element guid = Dom.children(item, null, "guid").get(0);
        assertThat(guid.getAttribute("isPermaLink")).isEqualTo("true");
        assertThat(guid.getTextContent()).isEqualTo("https://status.example.test/incidents/42");
        assertThat(Dom.text(item, null, "pubDate")).isEqualTo("Sun, 29 Nov 2026 09:50:00 GMT");
        assertThat(Dom.text(item, null, "description")).contains("<strong>Investigating</strong>").contains("<p>Looking.</p>");
    }

    @Test
    void an_empty_page_gives_a_valid_channel_without_items() {
        Element channel = RssRules.assertValid(Dom.parse(rss(TestSnapshots.empty())));

        assertThat(Dom.children(channel, null, "item")).isEmpty();
    }

    @Test
    void hostile_incident_text_stays_well_formed_and_inert() {
        PublicStatus s = TestSnapshots.of(List.of(), List.of(incident(9, TestSnapshots.HOSTILE_TITLE, NOW, NOW,
                update(1, IncidentStatus.INVESTIGATING, TestSnapshots.HOSTILE_MESSAGE, NOW))), List.of());
        byte[] xml = rss(s);

        Element item = Dom.children(RssRules.assertValid(Dom.parse(xml)), null, "item").get(0);

        assertThat(Dom.text(item, null, "title")).isEqualTo(TestSnapshots.HOSTILE_TITLE_AS_READ);
        String html = Dom.text(item, null, "description");
        InertHtml.assertInert(html);
        assertThat(html).contains("&lt;script&gt;").contains("<strong>bold</strong>");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("<script").doesNotContain("]]>");
    }
}
