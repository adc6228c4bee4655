package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check the feed tests rely on must itself catch what it claims to. */
class InertHtmlTest {

    @Test
    void formatting_links_and_escaped_markup_pass() {
        assertThatCode(() -> InertHtml.assertInert("<p><strong>a</strong> &lt;script&gt; <a href=\"https://x.test\" rel=\"nofollow\">x</a></p>"))
                .doesNotThrowAnyException();
    }

    @Test
    void script_event_handlers_and_javascript_links_fail() {
        assertThatThrownBy(() -> InertHtml.assertInert("<p><script>x()</script></p>")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> InertHtml.assertInert("<p onclick=\"x()\">a</p>")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> InertHtml.assertInert("<a href=\"javascript:x()\">a</a>")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> InertHtml.assertInert("<b style=\"x\">a</b>")).isInstanceOf(AssertionError.class);
    }
}
