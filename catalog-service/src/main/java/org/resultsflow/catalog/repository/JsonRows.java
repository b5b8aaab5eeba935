package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Rows for one set-based statement, passed as a single JSON text parameter and read in SQL with
 * {@code jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(column type, ...)}: the reactive native query
 * binds no arrays, and one placeholder per value would be thousands of them. Typed text first: a parameter PostgreSQL
 * types as jsonb is sent by the reactive client as a JSON string, not as the document. Each row is an object whose
 * keys are the column names; jsonb values (states, event envelopes, claim values) go in as JSON, not as strings, so
 * PostgreSQL parses the text once.
 */
public final class JsonRows {

    /**
     * Characters of one parameter, about: a larger set of rows is written by several statements, each text made
     * only when the one before has run, so a batch's rows are never all in the heap as text at once.
     */
    static final int TEXT_BUDGET = 1 << 20;

    /**
     * Trees only (writeTree of a node): no settings of the application's mapper apply, as in JsonText. Characters
     * beyond ASCII are written as JSON escapes, which jsonb reads back as the same characters: the text then stays a
     * one-byte-per-character string, where one dash or curly quote in a document turned the whole megabyte into two
     * bytes per character, and the catalog's profile showed the copying and re-encoding that caused.
     */
    private static final JsonFactory JSON = new ObjectMapper(
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()).getFactory();

    /** Writes the fields of one row. */
    @FunctionalInterface
    public interface Row<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    private JsonRows() {
    }

    /**
     * Runs {@code statement} on the rows, as JSON arrays of row objects of about {@link #TEXT_BUDGET} characters at
     * most (a row is never split), one statement after the other, in row order. No rows: no statement.
     */
    public static <T> Uni<Void> write(List<T> rows, Row<T> row, Function<String, Uni<?>> statement) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Iterable<String> texts = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Text text = new Text();
                try (JsonGenerator json = JSON.createGenerator(text)) {
                    json.writeStartArray();
                    do {
                        json.writeStartObject();
                        row.write(json, rows.get(next++));
                        json.writeEndObject();
                    } while (next < rows.size() && text.length() + json.getOutputBuffered() < TEXT_BUDGET);
                    json.writeEndArray();
                } catch (IOException e) {
                    throw new UncheckedIOException("Rows that cannot be written as JSON: " + e.getMessage(), e);
                }
                return text.toString();
            }
        };
        return Multi.createFrom().iterable(texts).onItem().transformToUniAndConcatenate(statement)
                .collect().last().replaceWithVoid();
    }

    /**
     * What the generator writes to: unsynchronised, unlike StringWriter, and its length read without flushing the
     * generator after every row.
     */
    private static final class Text extends Writer {

        private final StringBuilder chars = new StringBuilder(8192);

        int length() {
            return chars.length();
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars.append(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            chars.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return chars.toString();
        }
    }
}
