package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void markdown_becomes_html() {
        assertThat(Markdown.toSafeHtml("**Fixed** in `v2`. See [notes](https://example.com/n)."))
                .contains("<strong>Fixed</strong>").contains("<code>v2</code>")
                .contains("href=\"https://example.com/n\"").contains("nofollow").contains("noopener");
    }

    @Test
    void script_event_handlers_and_javascript_links_never_survive() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert) <a href=\"javascript:alert(4)\">a</a> <b onclick=\"x()\">b</b>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript")
                .doesNotContain("onclick=\"").doesNotContain("<a href=\"javascript");
        assertThat(html).contains("click");
    }

    @Test
    void plain_text_drops_the_markup_but_keeps_the_words_links_and_paragraphs() {
        assertThat(Markdown.toPlainText("We are **investigating** [errors](https://example.com/e).\n\n- a bad deploy\n- rolled back\n"))
                .isEqualTo("We are investigating \"errors\" (https://example.com/e).\n\n- a bad deploy\n- rolled back");
        assertThat(Markdown.toPlainText(null)).isEmpty();
    }
}
