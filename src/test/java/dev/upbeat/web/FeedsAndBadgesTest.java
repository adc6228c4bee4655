package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Dom;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Feeds and badges through the real HTTP server, as a feed reader or a README's image would fetch them. */
class FeedsAndBadgesTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SVG = "http://www.w3.org/2000/svg";
    // A JSON escape for BEL, a character XML 1.0 cannot carry.
    private static final String HOSTILE_TITLE = "<script>alert(1)</script> ]]> & \\u0007Router";

    static TestUpbeat t;
    static Http http;
    static long incident;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        assertThat(http.post("/api/v1/components", "{\"name\":\"Edge <Router> & \\\"co\\\"\",\"id\":\"edge\"}").status()).isEqualTo(201);
        Http.Response opened = http.post("/api/v1/incidents", """
                {"title":"%s","message":"<img src=x onerror=alert(2)> **Looking** ]]>","components":{"edge":"partial_outage"}}"""
                .formatted(HOSTILE_TITLE));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        incident = opened.json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Element parse(Http.Response r) {
        return Dom.parse(r.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    @Test
    void the_atom_feed_lists_an_incident_posted_through_the_api_safely() {
        Http.Response r = http.get("/history.atom");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
        Element entry = Dom.children(parse(r), ATOM, "entry").get(0);
        assertThat(Dom.text(entry, ATOM, "id")).isEqualTo("https://status.example.test/incidents/" + incident);
        assertThat(Dom.text(entry, ATOM, "title")).isEqualTo("<script>alert(1)</script> ]]> & Router");
        assertThat(Dom.text(entry, ATOM, "content")).contains("<strong>Looking</strong>").doesNotContain("<img");
    }

    @Test
    void the_rss_feed_lists_an_incident_posted_through_the_api_safely() {
        Http.Response r = http.get("/history.rss");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
        Element item = Dom.children(Dom.children(parse(r), null, "channel").get(0), null, "item").get(0);
        assertThat(Dom.text(item, null, "guid")).isEqualTo("https://status.example.test/incidents/" + incident);
        assertThat(Dom.text(item, null, "description")).contains("<strong>Looking</strong>").doesNotContain("<img");
    }

    @Test
    void each_feed_links_to_itself_where_it_is_served() {
        String atomSelf = Dom.children(parse(http.get("/history.atom")), ATOM, "link").get(0).getAttribute("href");
        Element channel = Dom.children(parse(http.get("/history.rss")), null, "channel").get(0);
        String rssSelf = Dom.children(channel, ATOM, "link").get(0).getAttribute("href");

        for (String self : List.of(atomSelf, rssSelf)) {
            assertThat(self).startsWith("https://status.example.test/");
            assertThat(http.get(URI.create(self).getPath()).status()).as(self).isEqualTo(200);
        }
    }

    @Test
    void the_overall_badge_is_labelled_with_the_page_name_and_shows_the_worst_status() {
        Http.Response r = http.get("/badge.svg");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(parse(r).getAttribute("aria-label")).isEqualTo("Upbeat Status: Partial outage");
    }

    @Test
    void a_component_badge_shows_its_escaped_name_and_status_in_words() {
        Http.Response r = http.get("/components/edge/badge.svg");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml");
        Element svg = parse(r);
        assertThat(svg.getNamespaceURI()).isEqualTo(SVG);
        assertThat(Dom.text(svg, SVG, "title")).isEqualTo("Edge <Router> & \"co\": Partial outage");
        assertThat(r.body()).contains("Edge &lt;Router&gt; &amp;");
    }

    @Test
    void an_unknown_component_badge_is_a_404_in_the_error_shape_even_with_a_known_version() {
        String etag = http.get("/badge.svg").header("ETag");

        for (Http.Response r : List.of(http.get("/components/nope/badge.svg"), http.get("/components/nope/badge.svg", "If-None-Match", etag))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().get("id").asText()).isEqualTo("not_found");
            assertThat(r.json().get("message").asText()).isEqualTo("No component with id 'nope'");
        }
    }

    @Test
    void feeds_and_badges_carry_the_snapshot_etag_cache_headers_and_answer_304_when_unchanged() {
        for (String path : List.of("/history.atom", "/history.rss", "/badge.svg", "/components/edge/badge.svg")) {
            Http.Response first = http.get(path);
            assertThat(first.header("ETag")).as(path).isEqualTo(t.upbeat.snapshots().current().etag());
            assertThat(first.header("Cache-Control")).as(path).contains("max-age=").contains("stale-if-error=");
            assertThat(first.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            Http.Response again = http.get(path, "If-None-Match", first.header("ETag"));
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }
    }

    @Test
    void feeds_and_badges_are_served_as_rendered_with_the_snapshot() {
        var rendered = t.upbeat.snapshots().current().rendered();

        assertThat(http.get("/history.atom").body()).isEqualTo(new String(rendered.get("history.atom"), StandardCharsets.UTF_8));
        assertThat(http.get("/components/edge/badge.svg").body())
                .isEqualTo(new String(rendered.get("components/edge/badge.svg"), StandardCharsets.UTF_8));
    }
}
