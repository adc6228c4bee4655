package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Dom;
import org.junit.jupiter.api.Test;

class XmlDocumentTest {

    @Test
    void characters_xml_cannot_carry_are_dropped_and_all_others_kept() {
        assertThat(XmlDocument.legal("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i")).isEqualTo("abcdefghi");
        assertThat(XmlDocument.legal("tab\tnew\nline\r é 漢 \uD83D\uDE80 \uE000")).isEqualTo("tab\tnew\nline\r é 漢 \uD83D\uDE80 \uE000");
        assertThat(XmlDocument.legal(null)).isEmpty();
    }

    @Test
    void text_and_attributes_are_escaped_by_the_writer() {
        byte[] xml = new XmlDocument("doc", "urn:test").attribute("a", "\"<&>'").element("t", "</t><x/>]]>&amp;").finish();

        var root = Dom.parse(xml).getDocumentElement();

        assertThat(root.getAttribute("a")).isEqualTo("\"<&>'");
        assertThat(root.getTextContent()).isEqualTo("</t><x/>]]>&amp;");
    }
}
