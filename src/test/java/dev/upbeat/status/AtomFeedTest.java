package dev.upbeat.status;

import static dev.upbeat.status.AtomRules.ATOM;
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

class AtomFeedTest {
    private static final String SELF = "https://status.example.test/history.atom";

    private static byte[] atom(PublicStatus s) {
        return AtomFeed.render(Feed.of(s), SELF);
    }

    @Test
    void a_feed_carries_every_element_rfc_4287_requires() {
        PublicStatus s = TestSnapshots.of(List.of(), List.of(incident(42, "API errors", NOW.minusSeconds(600), NOW,
                update(1, IncidentStatus.INVESTIGATING, "Looking.", NOW.minusSeconds(600)),
                update(2, IncidentStatus.RESOLVED, "Fixed.", NOW))), List.of());

        Element feed = AtomRules.assertValid(Dom.parse(atom(s)));

        assertThat(Dom.text(feed, ATOM, "id")).isEqualTo(SELF);
        assertThat(Dom.text(feed, ATOM, "title")).isEqualTo("Acme Status incident history");
        assertThat(Dom.text(feed, ATOM, "updated")).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(Dom.children(feed, ATOM, "link")).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
                .containsExactly("self " + SELF, "alternate https://status.example.test");
        assertThat(Dom.text(Dom.children(feed, ATOM, "author").get(0), ATOM, "name")).isEqualTo("Acme Status");
        Element entry = Dom.children(feed, ATOM, "entry").get(0);
        assertThat(Dom.text(entry, ATOM, "id")).isEqualTo("https://status.example.test/incidents/42");
        assertThat(Dom.text(entry, ATOM, "title")).isEqualTo("API errors");
        assertThat(Dom.text(entry, ATOM, "published")).isEqualTo("2026-11-29T09:50:00Z");
        assertThat(Dom.text(entry, ATOM, "updated")).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(Dom.children(entry, ATOM, "link").get(0).getAttribute("href")).isEqualTo("https://status.example.test/incidents/42");
        Element content = Dom.children(entry, ATOM, "content").get(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent()).contains("<strong>Investigating</strong>").contains("<p>Fixed.</p>");
    }

    @Test
    void maintenance_entries_are_marked_by_title_and_category() {
        PublicStatus s = TestSnapshots.of(List.of(), List.of(), List.of(maintenance(3, "Database upgrade", NOW,
                NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1).plusHours(1)))));

        Element entry = Dom.children(AtomRules.assertValid(Dom.parse(atom(s))), ATOM, "entry").get(0);

        assertThat(Dom.text(entry, ATOM, "title")).isEqualTo("Maintenance: Database upgrade");
        assertThat(Dom.children(entry, ATOM, "category").get(0).getAttribute("term")).isEqualTo("maintenance");
    }

    @Test
    void an_empty_page_gives_a_valid_feed_without_entries() {
        Element feed = AtomRules.assertValid(Dom.parse(atom(TestSnapshots.empty())));

        assertThat(Dom.children(feed, ATOM, "entry")).isEmpty();
        assertThat(Dom.text(feed, ATOM, "updated")).isEqualTo("2026-11-29T10:00:00Z");
    }

    @Test
    void hostile_incident_text_stays_well_formed_and_inert() {
        PublicStatus s = TestSnapshots.of(List.of(), List.of(incident(9, TestSnapshots.HOSTILE_TITLE, NOW, NOW,
                update(1, IncidentStatus.INVESTIGATING, TestSnapshots.HOSTILE_MESSAGE, NOW))), List.of());
        byte[] xml = atom(s);

        Element entry = Dom.children(AtomRules.assertValid(Dom.parse(xml)), ATOM, "entry").get(0);

        assertThat(Dom.text(entry, ATOM, "title")).isEqualTo(TestSnapshots.HOSTILE_TITLE_AS_READ);
        String html = Dom.text(entry, ATOM, "content");
        InertHtml.assertInert(html);
        assertThat(html).contains("&lt;script&gt;").contains("<strong>bold</strong>");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("<script").doesNotContain("]]>");
    }
}
