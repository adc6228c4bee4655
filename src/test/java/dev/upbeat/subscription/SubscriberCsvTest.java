package dev.upbeat.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberCsvTest {

    @Test
    void formula_like_cells_are_defused_on_export_and_restored_on_import() {
        assertThat(SubscriberCsv.quote("+15005550006")).isEqualTo("'+15005550006");
        assertThat(SubscriberCsv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SubscriberCsv.quote("ops@example.com")).isEqualTo("ops@example.com");
        assertThat(SubscriberCsv.unprotect(new String[] {"sms", "'+15005550006", "'-x"}))
                .containsExactly("sms", "+15005550006", "-x");
    }
}
