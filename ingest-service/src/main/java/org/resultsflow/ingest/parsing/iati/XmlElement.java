package org.resultsflow.ingest.parsing.iati;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resultsflow.contracts.results.LineRange;

/**
 * One element of an activity as read: its local name, attributes, own text and children, and the lines it
 * spans. Only one activity's elements are held at a time, so memory does not grow with the file.
 */
final class XmlElement {

    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int firstLine;
    int lastLine;

    XmlElement(String name, int firstLine) {
        this.name = name;
        this.firstLine = firstLine;
        this.lastLine = firstLine;
    }

    LineRange lines() {
        return new LineRange(Math.max(1, firstLine), Math.max(Math.max(1, firstLine), lastLine));
    }

    /** The attribute as published, or null when absent. */
    String attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** The attribute stripped, null when absent or blank. */
    String value(String attribute) {
        String v = attributes.get(attribute);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String text() {
        return text.toString().strip();
    }

    List<XmlElement> all(String child) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(child)) {
                found.add(c);
            }
        }
        return found;
    }

    XmlElement first(String child) {
        for (XmlElement c : children) {
            if (c.name.equals(child)) {
                return c;
            }
        }
        return null;
    }
}
