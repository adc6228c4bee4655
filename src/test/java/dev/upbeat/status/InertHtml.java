package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an HTML fragment can run nothing: every tag in it is a harmless formatting tag whose
 * only attributes are an http(s) or mailto href and rel. Text that merely looks like markup
 * ({@code &lt;script&gt;}) is text and passes.
 */
final class InertHtml {
    private static final Set<String> TAGS = Set.of("p", "br", "small", "strong", "em", "code", "pre", "ul", "ol", "li",
            "blockquote", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)\\s*(?:=\\s*\"([^\"]*)\")?");

    private InertHtml() {
    }

    static void assertInert(String html) {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<svg");
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            assertThat(TAGS).as("tag in " + tag.group()).contains(tag.group(1).toLowerCase());
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase();
                assertThat(name).as("attribute in " + tag.group()).isIn("href", "rel");
                if (name.equals("href") && !attribute.group(2).isEmpty()) {
                    assertThat(attribute.group(2)).as("link in " + tag.group()).matches("(?i)(https?|mailto):.*");
                }
            }
        }
    }
}
