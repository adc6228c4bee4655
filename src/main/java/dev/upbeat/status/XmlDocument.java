package dev.upbeat.status;

import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one XML document that Upbeat publishes (feeds, badges) through the JDK's StAX writer, so
 * escaping is the writer's job and never string concatenation. Every text and attribute value is
 * first stripped of the characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates), which the writer would otherwise pass through into a document no parser accepts.
 */
final class XmlDocument {
    // The JDK's own implementation, whatever StAX provider a dependency may bring along.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter out;

    /** Starts a UTF-8 document whose root element {@code root} declares {@code namespace} as default. */
    XmlDocument(String root, String namespace) {
        this();
        run(() -> out.writeStartDocument("UTF-8", "1.0"));
        start(root);
        if (namespace != null) {
            run(() -> out.writeDefaultNamespace(namespace));
        }
    }

    private XmlDocument() {
        this.out = call(() -> FACTORY.createXMLStreamWriter(bytes, "UTF-8"));
    }

    /**
     * Elements on their own, without a declaration, to be placed in a document with {@link #raw}:
     * what a document writes of them, as only unprefixed names and no namespace are written.
     */
    static XmlDocument fragment() {
        return new XmlDocument();
    }

    /** A {@link #fragment()}'s UTF-8 bytes; every element started in it must be ended. */
    byte[] finishFragment() {
        run(out::flush);
        run(out::close);
        return bytes.toByteArray();
    }

    /** Places a finished fragment here, as it is; between elements only, never inside an open start tag. */
    XmlDocument raw(byte[] fragment) {
        run(out::flush);
        bytes.writeBytes(fragment);
        return this;
    }

    /**
     * Writes each of {@code items} with {@code write}, as a fragment made once for equal keys
     * through {@code parts}: a rebuild copies the entries it wrote the time before.
     */
    <E> XmlDocument each(java.util.List<E> items, FixedBodies.Parts parts, java.util.function.Function<E, ?> key,
                         java.util.function.BiConsumer<XmlDocument, E> write) {
        for (E item : items) {
            raw(parts.get(key.apply(item), k -> {
                XmlDocument fragment = fragment();
                write.accept(fragment, item);
                return fragment.finishFragment();
            }));
        }
        return this;
    }

    XmlDocument start(String name) {
        run(() -> out.writeStartElement(name));
        return this;
    }

    XmlDocument start(String prefix, String name, String namespace) {
        run(() -> out.writeStartElement(prefix, name, namespace));
        return this;
    }

    XmlDocument namespace(String prefix, String uri) {
        run(() -> out.writeNamespace(prefix, uri));
        return this;
    }

    XmlDocument attribute(String name, String value) {
        run(() -> out.writeAttribute(name, legal(value)));
        return this;
    }

    /** The {@code xml:lang} attribute, which needs the reserved xml prefix. */
    XmlDocument lang(String language) {
        run(() -> out.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", legal(language)));
        return this;
    }

    XmlDocument text(String value) {
        run(() -> out.writeCharacters(legal(value)));
        return this;
    }

    /** A whole element holding only text. */
    XmlDocument element(String name, String value) {
        return start(name).text(value).end();
    }

    /** An element with attributes and no content. */
    XmlDocument empty(String name, String... attributeNamesAndValues) {
        run(() -> out.writeEmptyElement(name));
        for (int i = 0; i < attributeNamesAndValues.length; i += 2) {
            attribute(attributeNamesAndValues[i], attributeNamesAndValues[i + 1]);
        }
        return this;
    }

    XmlDocument end() {
        run(out::writeEndElement);
        return this;
    }

    /** Closes every open element and returns the document as UTF-8 bytes. */
    byte[] finish() {
        run(out::writeEndDocument);
        run(out::close);
        return bytes.toByteArray();
    }

    /**
     * {@code value} without the characters outside XML 1.0's Char production
     * (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]); null becomes "".
     */
    static String legal(String value) {
        if (value == null) {
            return "";
        }
        if (allLegal(value)) {
            return value; // nearly always: no copy, no stream
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(XmlDocument::isXmlChar).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allLegal(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!isXmlChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private interface Result<T> {
        T get() throws XMLStreamException;
    }

    private static void run(Step step) {
        call(() -> {
            step.run();
            return null;
        });
    }

    // Writing to memory cannot fail for I/O reasons; a failure here is a programming error.
    private static <T> T call(Result<T> result) {
        try {
            return result.get();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
    }
}
