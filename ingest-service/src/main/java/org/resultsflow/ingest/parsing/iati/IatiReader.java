package org.resultsflow.ingest.parsing.iati;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.resultsflow.ingest.parsing.DocumentRejectedException;

/**
 * Streams an IATI file with StAX: each {@code iati-activity} (or {@code iati-organisation}) is built as a
 * small element tree, handed on, and dropped, so memory is bounded by the largest activity, not the file.
 *
 * <p>DTDs are refused outright: an IATI file never needs one, and refusing it means no external entity is
 * ever fetched and no entity is ever expanded (XXE, "billion laughs").
 */
public final class IatiReader {

    /** The root element of a file, which decides how it is read. */
    public enum Root {
        ACTIVITIES("iati-activities", "iati-activity"),
        ORGANISATIONS("iati-organisations", "iati-organisation");

        final String element;
        final String record;

        Root(String element, String record) {
            this.element = element;
            this.record = record;
        }
    }

    /**
     * What the file's root says about it.
     *
     * @param generated the root's {@code generated-datetime} as published, or null
     * @param lineCount the file's number of lines, which the line ranges refer to
     */
    public record Header(Root root, String version, String generated, int lineCount) {
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    private IatiReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // IATI elements have no namespace; files in the wild use extension prefixes they never declare, which
        // a namespace-aware reader would refuse as a whole. The schema check reports them instead.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /**
     * Reads the file, calling {@code records} with each record of the {@code expected} root in document order. A file
     * with the other IATI root is read no further than its root element: its header is returned, no record read.
     *
     * @return what the root states
     */
    static Header read(InputStream in, Root expected, Consumer<XmlElement> records) throws DocumentRejectedException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            Header header = null;
            Deque<XmlElement> open = new ArrayDeque<>();
            int depth = 0;
            int before = 1;
            int lines = 1;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new DocumentRejectedException(
                            DocumentRejectedException.Reason.UNSAFE_XML,
                            "the XML document declares a DTD (line " + reader.getLocation().getLineNumber()
                                    + "); DTDs and entity declarations are refused: an IATI file needs neither");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new DocumentRejectedException(
                            DocumentRejectedException.Reason.UNSAFE_XML,
                            "the XML document refers to an entity '" + reader.getLocalName() + "' (line "
                                    + reader.getLocation().getLineNumber() + "); entities are not expanded");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        String name = reader.getLocalName();
                        if (depth == 1) {
                            header = header(reader, name);
                            if (header.root() != expected) {
                                return new Header(header.root(), header.version(), header.generated(),
                                        reader.getLocation().getLineNumber());
                            }
                        } else if (depth == 2 && name.equals(header.root().record) || !open.isEmpty()) {
                            XmlElement element = new XmlElement(name, before);
                            for (int i = 0; i < reader.getAttributeCount(); i++) {
                                String prefix = reader.getAttributePrefix(i);
                                String key = prefix == null || prefix.isEmpty() ? reader.getAttributeLocalName(i)
                                        : prefix + ":" + reader.getAttributeLocalName(i);
                                element.attributes.put(key, reader.getAttributeValue(i));
                            }
                            if (!open.isEmpty()) {
                                open.peek().children.add(element);
                            }
                            open.push(element);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (!open.isEmpty()) {
                            XmlElement closed = open.pop();
                            closed.lastLine = reader.getLocation().getLineNumber();
                            if (open.isEmpty()) {
                                records.accept(closed);
                            }
                        }
                    }
                    default -> {
                        // comments and processing instructions carry no data
                    }
                }
                before = reader.getLocation().getLineNumber();
                lines = Math.max(lines, before);
            }
            if (header == null) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED_XML,
                        "the XML document has no root element");
            }
            return new Header(header.root(), header.version(), header.generated(), lines);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED_XML,
                    "the document is not well-formed XML" + where + ": " + cause(e), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing held beyond the stream, which the caller closes
                }
            }
        }
    }

    private static Header header(XMLStreamReader reader, String name) throws DocumentRejectedException {
        for (Root root : Root.values()) {
            if (root.element.equals(name)) {
                return new Header(root, reader.getAttributeValue(null, "version"),
                        reader.getAttributeValue(null, "generated-datetime"), 0);
            }
        }
        throw new DocumentRejectedException(DocumentRejectedException.Reason.UNKNOWN_LAYOUT,
                "the XML document's root element is <" + name + ">; an IATI file has <iati-activities> or"
                        + " <iati-organisations>");
    }

    private static String cause(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + 9) : message).strip();
    }
}
