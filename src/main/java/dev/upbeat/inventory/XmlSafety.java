package dev.upbeat.inventory;

import dev.upbeat.problem.Problem;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses an XML document with a document type declaration before any library reads it. A
 * CycloneDX BOM needs no DTD, and a DTD is where external entities (files, URLs fetched from the
 * server) and entity expansion ("billion laughs") come from. The check itself reads with DTDs and
 * external entities off, so nothing in the document is resolved or expanded while looking.
 */
final class XmlSafety {
    private XmlSafety() {
    }

    static void check(byte[] document) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.DTD) {
                        throw Problem.invalid("sbom", "XML with a document type declaration (DOCTYPE) is refused: "
                                + "a CycloneDX BOM needs none, and it could declare external entities or entity expansion");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw Problem.badRequest("sbom", "Malformed XML: " + oneLine(e.getMessage()));
        }
    }

    /** A parser's message on one line, without the names of the parser's own settings, which mean nothing to a caller. */
    static String oneLine(String message) {
        return message == null ? "no details" : message.replaceAll(", from `[^`]*`", "").replaceAll("\\s+", " ").strip();
    }
}
