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
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.resultsflow.contracts.export.RecordColumns;

/**
 * The one CSV writer of every list endpoint ({@code Accept: text/csv}): a header row of the element record's
 * component names, then one row per element, as {@link RecordColumns} writes every export (RFC 4180, CRLF line
 * ends, null as an empty field, numbers plainly, a nested list or record as its JSON in one field). Registered
 * for Object, so that it is found before the server's generic text writer (which would write a list's
 * toString()); it accepts lists only.
 */
@Provider
@Produces(CsvBodyWriter.TEXT_CSV)
public class CsvBodyWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    private final RecordColumns columns;

    public CsvBodyWriter(ObjectMapper json) {
        this.columns = new RecordColumns(json);
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
            writer.write(columns.csvHeader(element));
            for (Object row : rows) {
                writer.write(columns.csvRow(row));
            }
        } else {
            RecordColumns.writeCsvLine(writer, List.of("value"));
            for (Object row : rows) {
                RecordColumns.writeCsvLine(writer, List.of(columns.text(row)));
            }
        }
        writer.flush();
    }

    private static Class<?> elementType(Type genericType, List<?> rows) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).getClass();
    }
}
