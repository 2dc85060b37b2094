package org.civicloop.open311.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GeoReport v2 answer as a tree both formats are written from, so XML and JSON can never say
 * different things. XML by the element names of the specification; JSON by its Spark convention:
 * a repeated element becomes an array (the root {@code <services>} of {@code <service>} becomes
 * {@code [ {...} ]}, {@code <values><value>} becomes {@code "values": [ ... ]}).
 *
 * <p>Absent values: every field the specification lists is always present, as in its examples;
 * empty is {@code null} in JSON and an empty element ({@code <account_id/>}) in XML.
 */
final class Document {

    /** An element with child elements, in order; values are text, numbers, booleans, null, {@link Node} or {@link Repeated}. */
    static final class Node {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Node put(String name, Object value) {
            fields.put(name, value);
            return this;
        }
    }

    /** The same element repeated: {@code <attributes><attribute/>...</attributes>}. Items are nodes or text. */
    record Repeated(String item, List<?> items) {
    }

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final String root;
    private final Object content;

    private Document(String root, Object content) {
        this.root = root;
        this.content = content;
    }

    /** {@code <root><item>...</item>...</root>}, an array in JSON. */
    static Document list(String root, String item, List<?> items) {
        return new Document(root, new Repeated(item, items));
    }

    /** {@code <root>fields</root>}, an object in JSON. */
    static Document single(String root, Node node) {
        return new Document(root, node);
    }

    byte[] write(Format format, JsonMapper json) {
        return format == Format.XML ? xml() : json.writeValueAsBytes(jsonValue(content));
    }

    byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            writeElement(xml, root, content);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void writeElement(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Node node) {
            for (Map.Entry<String, Object> f : node.fields.entrySet()) {
                writeElement(xml, f.getKey(), f.getValue());
            }
        } else if (value instanceof Repeated repeated) {
            for (Object item : repeated.items()) {
                writeElement(xml, repeated.item(), item);
            }
        } else {
            xml.writeCharacters(xmlText(String.valueOf(value)));
        }
        xml.writeEndElement();
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Node node) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields.forEach((k, v) -> map.put(k, jsonValue(v)));
            return map;
        }
        if (value instanceof Repeated repeated) {
            List<Object> list = new ArrayList<>();
            repeated.items().forEach(i -> list.add(jsonValue(i)));
            return list;
        }
        return value;
    }

    /**
     * XML 1.0 cannot carry most control characters even as references; the writer escapes markup
     * ({@code & < >}) but would pass those through and break the document, so they are dropped here.
     * (The opinions module refuses them on the way in; this guards text from anywhere else.)
     */
    static String xmlText(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
