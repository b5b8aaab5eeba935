package org.resultsflow.contracts.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A record as the columns of an export, the one rule every format follows: a column per record component, in
 * declaration order, named as the component; null is an empty field; numbers are written plainly (no exponent);
 * a nested list, map or record is its JSON in one field. CSV lines are RFC 4180 (CRLF line ends; a field with a
 * comma, quote, CR or LF is quoted, quotes doubled).
 */
public final class RecordColumns {

    private static final String CRLF = "\r\n";
    /**
     * The accessors of each record type, looked up once: {@code getRecordComponents()} copies its components on
     * every call, which a million-row export would do a million times.
     */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].trySetAccessible();
            }
            return accessors;
        }
    };

    private final ObjectMapper json;

    public RecordColumns(ObjectMapper json) {
        this.json = json;
    }

    /** The column names of a record type: its component names, in declaration order. */
    public static List<String> names(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a record");
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The component values of a record, in declaration order, nulls kept. */
    public static List<Object> values(Object row) {
        Method[] accessors = ACCESSORS.get(row.getClass());
        List<Object> values = new ArrayList<>(accessors.length);
        for (Method accessor : accessors) {
            try {
                values.add(accessor.invoke(row));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor.getName() + " of " + row.getClass().getSimpleName(), e);
            }
        }
        return values;
    }

    /** A value as text: empty for null, numbers plainly, nested lists, maps and records as JSON. */
    public String text(Object value) {
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
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value.toString();
    }

    /** The CSV header line of a record type. */
    public String csvHeader(Class<?> type) {
        return csvLine(names(type));
    }

    /** One record as a CSV line. */
    public String csvRow(Object row) {
        List<Object> values = values(row);
        List<String> fields = new ArrayList<>(values.size());
        for (Object value : values) {
            fields.add(text(value));
        }
        return csvLine(fields);
    }

    /** Fields as one CSV line, with its CRLF. */
    public static String csvLine(List<String> fields) {
        StringWriter line = new StringWriter();
        try {
            writeCsvLine(line, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.toString();
    }

    public static void writeCsvLine(Writer writer, List<String> fields) throws IOException {
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
