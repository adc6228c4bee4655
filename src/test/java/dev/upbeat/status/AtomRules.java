package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Dom;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The structural MUSTs of RFC 4287 (Atom 1.0), checked on a parsed document without a schema:
 * which elements a feed and an entry must have exactly once or at most once, authors, dates in
 * RFC 3339, absolute unique ids, known element names, text-only html constructs.
 */
final class AtomRules {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Set<String> ELEMENTS = Set.of("feed", "entry", "id", "title", "updated", "published", "author",
            "contributor", "name", "uri", "email", "link", "category", "content", "summary", "subtitle", "rights",
            "generator", "icon", "logo", "source");
    private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    private AtomRules() {
    }

    /** Fails unless {@code doc} is an Atom feed that keeps every rule checked here. */
    static Element assertValid(Document doc) {
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        allElementsKnown(feed);
        once(feed, "id", "title", "updated");
        atMostOnce(feed, "subtitle", "generator", "icon", "logo", "rights");
        absoluteIri(Dom.text(feed, ATOM, "id"));
        date(Dom.text(feed, ATOM, "updated"));
        textConstruct(feed, "title");
        links(feed);
        assertThat(links(feed, "self")).as("a feed should link to itself").hasSize(1);
        List<Element> entries = Dom.children(feed, ATOM, "entry");
        boolean feedHasAuthor = !Dom.children(feed, ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            entry(entry, feedHasAuthor);
            assertThat(ids.add(Dom.text(entry, ATOM, "id"))).as("entry ids are unique").isTrue();
        }
        Dom.children(feed, ATOM, "author").forEach(AtomRules::person);
        return feed;
    }

    private static void entry(Element entry, boolean feedHasAuthor) {
        once(entry, "id", "title", "updated");
        atMostOnce(entry, "content", "published", "summary", "rights", "source");
        absoluteIri(Dom.text(entry, ATOM, "id"));
        date(Dom.text(entry, ATOM, "updated"));
        Dom.children(entry, ATOM, "published").forEach(p -> date(p.getTextContent()));
        textConstruct(entry, "title");
        links(entry);
        List<Element> content = Dom.children(entry, ATOM, "content");
        if (content.isEmpty()) {
            assertThat(links(entry, "alternate")).as("an entry without content needs an alternate link").isNotEmpty();
        } else {
            assertThat(content.get(0).getAttribute("type")).isIn("", "text", "html", "xhtml");
            if (!"xhtml".equals(content.get(0).getAttribute("type"))) {
                assertThat(Dom.children(content.get(0))).as("text and html content hold text only").isEmpty();
            }
        }
        Dom.children(entry, ATOM, "category").forEach(c -> assertThat(c.getAttribute("term")).isNotEmpty());
        if (!feedHasAuthor) {
            assertThat(Dom.children(entry, ATOM, "author")).as("an author on the feed or on every entry").isNotEmpty();
        }
    }

    private static void links(Element parent) {
        Set<String> alternates = new HashSet<>();
        for (Element link : Dom.children(parent, ATOM, "link")) {
            absoluteIri(link.getAttribute("href"));
            if (link.getAttribute("rel").isEmpty() || link.getAttribute("rel").equals("alternate")) {
                String key = link.getAttribute("type") + "|" + link.getAttribute("hreflang");
                assertThat(alternates.add(key)).as("one alternate link per type and language").isTrue();
            }
        }
    }

    private static List<Element> links(Element parent, String rel) {
        return Dom.children(parent, ATOM, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).toList();
    }

    private static void person(Element person) {
        once(person, "name");
    }

    private static void textConstruct(Element parent, String name) {
        Element text = Dom.children(parent, ATOM, name).get(0);
        assertThat(text.getAttribute("type")).isIn("", "text", "html");
        assertThat(Dom.children(text)).as(name + " holds text only").isEmpty();
    }

    private static void allElementsKnown(Element e) {
        if (ATOM.equals(e.getNamespaceURI())) {
            assertThat(ELEMENTS).as("Atom element names").contains(e.getLocalName());
            if (!e.getLocalName().equals("content")) {
                Dom.children(e).forEach(AtomRules::allElementsKnown);
            }
        }
    }

    private static void once(Element parent, String... names) {
        for (String name : names) {
            assertThat(Dom.children(parent, ATOM, name)).as("exactly one " + name + " in " + parent.getLocalName()).hasSize(1);
        }
    }

    private static void atMostOnce(Element parent, String... names) {
        for (String name : names) {
            assertThat(Dom.children(parent, ATOM, name).size()).as("at most one " + name).isLessThanOrEqualTo(1);
        }
    }

    static void date(String value) {
        assertThat(value).matches(RFC_3339);
        OffsetDateTime.parse(value);
    }

    private static void absoluteIri(String value) {
        assertThat(URI.create(value).isAbsolute()).as(value + " is an absolute IRI").isTrue();
    }
}
