package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.testing.Dom;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class BadgeTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Element svg(Badge badge) {
        return Dom.parse(badge.svg()).getDocumentElement();
    }

    /** What the badge shows: the text of the non-shadow text elements. */
    private static List<String> shownText(Element svg) {
        Element texts = Dom.children(svg, SVG, "g").get(1);
        return Dom.children(texts, SVG, "text").stream().filter(t -> !t.hasAttribute("aria-hidden"))
                .map(Element::getTextContent).toList();
    }

    private static String messageColour(Element svg) {
        return Dom.children(Dom.children(svg, SVG, "g").get(0), SVG, "rect").get(1).getAttribute("fill");
    }

    @Test
    void a_badge_is_svg_with_its_text_as_accessible_name() {
        Element svg = svg(new Badge("API", ComponentStatus.OPERATIONAL));

        assertThat(svg.getNamespaceURI()).isEqualTo(SVG);
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("aria-label")).isEqualTo("API: Operational");
        assertThat(Dom.text(svg, SVG, "title")).isEqualTo("API: Operational");
        assertThat(shownText(svg)).containsExactly("API", "Operational");
        assertThat(svg.getAttribute("height")).isEqualTo("20");
    }

    @ParameterizedTest
    @CsvSource({
        "OPERATIONAL, Operational, #4c1",
        "UNDER_MAINTENANCE, Under maintenance, #007ec6",
        "DEGRADED_PERFORMANCE, Degraded performance, #dfb317",
        "PARTIAL_OUTAGE, Partial outage, #fe7d37",
        "MAJOR_OUTAGE, Major outage, #e05d44",
    })
    void each_status_has_its_words_and_colour(ComponentStatus status, String words, String colour) {
        Element svg = svg(new Badge("API", status));

        assertThat(shownText(svg)).containsExactly("API", words);
        assertThat(messageColour(svg)).isEqualTo(colour);
    }

    @Test
    void a_hostile_component_name_is_escaped_and_stays_text() {
        Badge badge = Badge.of(TestSnapshots.component("x", TestSnapshots.HOSTILE_TITLE, ComponentStatus.MAJOR_OUTAGE));

        Element svg = svg(badge);

        assertThat(shownText(svg)).containsExactly(TestSnapshots.HOSTILE_TITLE_AS_READ, "Major outage");
        assertThat(svg.getAttribute("aria-label")).isEqualTo(TestSnapshots.HOSTILE_TITLE_AS_READ + ": Major outage");
        assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(new String(badge.svg(), StandardCharsets.UTF_8)).doesNotContain("<script").doesNotContain("]]>");
    }

    @Test
    void longer_words_make_a_wider_box_that_holds_them() {
        int narrow = Integer.parseInt(svg(new Badge("API", ComponentStatus.OPERATIONAL)).getAttribute("width"));
        int wide = Integer.parseInt(svg(new Badge("Customer-facing REST API", ComponentStatus.OPERATIONAL)).getAttribute("width"));

        assertThat(wide).isGreaterThan(narrow + 100);
        assertThat(TextWidth.verdana11("passing")).as("shields measures 'passing' at about 42 px").isBetween(40.0, 44.0);
        assertThat(TextWidth.verdana11("漢字")).isEqualTo(22.0);
    }

    @Test
    void the_overall_badge_is_labelled_with_the_page_name_and_shows_the_worst_status() {
        PublicStatus s = TestSnapshots.of(List.of(TestSnapshots.component("api", "API", ComponentStatus.DEGRADED_PERFORMANCE),
                TestSnapshots.component("web", "Web", ComponentStatus.OPERATIONAL)), List.of(), List.of());

        Element svg = svg(Badge.overall(s));

        assertThat(svg.getAttribute("aria-label")).isEqualTo("Acme Status: Degraded performance");
        assertThat(messageColour(svg)).isEqualTo("#dfb317");
    }
}
