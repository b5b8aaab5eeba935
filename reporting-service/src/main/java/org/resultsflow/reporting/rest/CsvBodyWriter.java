package org.resultsflow.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one CSV writer of every list endpoint ({@code Accept: text/csv}): a header row of the element record's
 * component names, then one row per element, RFC 4180 (CRLF line ends; a field with a comma, quote, CR or LF
 * is quoted, quotes doubled). Null is an empty field; numbers are written plainly (no exponent); a nested list
 * or record is written as its JSON in one field. Registered for Object, so that it is found before the server's
 * generic text writer (which would write a list's toString()); it accepts lists only.
 */
@Provider
@Produces(CsvBodyWriter.TEXT_CSV)
public class CsvBodyWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";
    private static final String CRLF = "\r\n";

    private final ObjectMapper json;

    public CsvBodyWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type) && mediaType != null
                && "text".equals(mediaType.getType()) && "csv".equals(mediaType.getSubtype());
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8; header=present");
        List<?> rows = (List<?>) entity;
        Class<?> element = elementType(genericType, rows);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (element != null && element.isRecord()) {
            writer.write(header(element));
            for (Object row : rows) {
                writer.write(line(row));
            }
        } else {
            writeLine(writer, List.of("value"));
            for (Object row : rows) {
                writeLine(writer, List.of(text(row)));
            }
        }
        writer.flush();
    }

    /** The header row of a record type: its component names. */
    public String header(Class<?> element) throws IOException {
        StringWriter line = new StringWriter();
        writeLine(line, names(element));
        return line.toString();
    }

    /** One record as a row, its components in declaration order. */
    public String line(Object row) throws IOException {
        List<Object> values = values(row);
        List<String> fields = new java.util.ArrayList<>(values.size());
        for (Object value : values) {
            fields.add(text(value));
        }
        StringWriter line = new StringWriter();
        writeLine(line, fields);
        return line.toString();
    }

    /** The header names of a record type: its component names, in declaration order. */
    static List<String> names(Class<?> element) {
        return java.util.Arrays.stream(element.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The component values of a record, in declaration order (nulls kept): what every export format writes. */
    static List<Object> values(Object row) throws IOException {
        RecordComponent[] components = row.getClass().getRecordComponents();
        List<Object> values = new java.util.ArrayList<>(components.length);
        for (RecordComponent component : components) {
            try {
                component.getAccessor().trySetAccessible();
                values.add(component.getAccessor().invoke(row));
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot read " + component.getName() + " of " + row.getClass().getSimpleName(), e);
            }
        }
        return values;
    }

    private static Class<?> elementType(Type genericType, List<?> rows) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).getClass();
    }

    /** A value as CSV writes it: empty for null, numbers plainly, nested lists and records as JSON. */
    String text(Object value) throws IOException {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isRecord()) {
            return json.writeValueAsString(value);
        }
        return value.toString();
    }

    static void writeLine(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(fields.get(i)));
        }
        writer.write(CRLF);
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
