package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Text on the pages reads at WCAG AA (4.5:1) in both themes, whatever accent the brand picks. */
class ContrastTest {
    /** Operational, degraded performance, partial outage, major outage, under maintenance. */
    private static final String[] STATUSES = {"green", "yellow", "orange", "red", "blue"};
    private static final Pattern TOKEN = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");

    @Test
    void the_ratio_is_the_one_wcag_defines() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(Contrast.ratio("#777777", "#ffffff")).isBetween(4.47, 4.49);
    }

    @Test
    void links_from_any_accent_read_at_aa_on_the_backgrounds_of_both_themes() {
        for (String accent : new String[] {"#2b6cb0", "#aa3366", "#ffff00", "#000080", "#1f8a4c", "#ffffff", "#000000"}) {
            String light = Contrast.readableOn(accent, "#000000", "#ffffff", "#f7fafc");
            String dark = Contrast.readableOn(accent, "#ffffff", "#14161f", "#1e2230");
            assertThat(Contrast.ratio(light, "#f7fafc")).as(accent + " light").isGreaterThanOrEqualTo(Contrast.AA_TEXT);
            assertThat(Contrast.ratio(light, "#ffffff")).as(accent + " light").isGreaterThanOrEqualTo(Contrast.AA_TEXT);
            assertThat(Contrast.ratio(dark, "#1e2230")).as(accent + " dark").isGreaterThanOrEqualTo(Contrast.AA_TEXT);
            assertThat(Contrast.ratio(dark, "#14161f")).as(accent + " dark").isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        }
        assertThat(Contrast.readableOn("#1a202c", "#000000", "#ffffff")).as("a readable accent is kept").isEqualTo("#1a202c");
    }

    @Test
    void the_page_text_colours_read_at_aa_on_background_and_cards_in_both_themes() throws IOException {
        for (Map<String, String> theme : themes()) {
            for (String text : new String[] {"fg", "muted"}) {
                for (String background : new String[] {"bg", "card"}) {
                    assertThat(Contrast.ratio(theme.get(text), theme.get(background)))
                            .as("--%s on --%s (%s on %s)", text, background, theme.get(text), theme.get(background))
                            .isGreaterThanOrEqualTo(Contrast.AA_TEXT);
                }
            }
        }
    }

    @Test
    void every_status_colour_reads_at_aa_as_text_on_the_page_and_under_text_in_both_themes() throws IOException {
        for (Map<String, String> theme : themes()) {
            for (String status : STATUSES) {
                assertThat(theme).containsKey(status);
                for (String background : new String[] {"bg", "card"}) {
                    assertThat(Contrast.ratio(theme.get(status), theme.get(background)))
                            .as("--%s on --%s (%s on %s)", status, background, theme.get(status), theme.get(background))
                            .isGreaterThanOrEqualTo(Contrast.AA_TEXT);
                }
                assertThat(Contrast.ratio(theme.get("on-status"), theme.get(status)))
                        .as("the banner's text, --on-status (%s), on --%s (%s)", theme.get("on-status"), status, theme.get(status))
                        .isGreaterThanOrEqualTo(Contrast.AA_TEXT);
            }
            assertThat(Contrast.ratio(theme.get("tip-fg"), theme.get("tip-bg"))).as("tooltips").isGreaterThanOrEqualTo(Contrast.AA_TEXT);
        }
    }

    /** The tokens of upbeat.css: the light theme, then the dark one (light tokens it does not override included). */
    private java.util.List<Map<String, String>> themes() throws IOException {
        String css;
        try (InputStream in = getClass().getResourceAsStream("/public/upbeat.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int dark = css.indexOf("prefers-color-scheme: dark");
        Map<String, String> light = tokens(css.substring(0, dark));
        Map<String, String> night = new HashMap<>(light);
        night.putAll(tokens(css.substring(dark, css.indexOf('}', css.indexOf('{', dark) + 1))));
        return java.util.List.of(light, night);
    }

    private static Map<String, String> tokens(String css) {
        Map<String, String> tokens = new HashMap<>();
        Matcher m = TOKEN.matcher(css);
        while (m.find()) {
            tokens.put(m.group(1), m.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        return tokens;
    }
}
