package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.resultsflow.contracts.wire.InvalidEventException;

/**
 * Rows for one set-based statement, passed as a single parameter of JSON bytes and read in SQL with
 * {@code jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb)) as r(column type, ...)}: the
 * reactive native query binds no arrays, and one placeholder per value would be thousands of them. Each row is an
 * object whose keys are the column names; jsonb values (states, event envelopes, claim values) go in as JSON, not as
 * strings, so PostgreSQL parses the text once. Bytes, not a text parameter: the generator writes UTF-8 and the client
 * sends it as it is, where a string was copied into a builder, copied again into a string, and encoded character by
 * character by the client (a tenth of the catalog's CPU in the benchmark's profile).
 */
public final class JsonRows {

    /**
     * Bytes of one parameter, about: a larger set of rows is written by several statements, each made only when the
     * one before has run, so a batch's rows are never all in the heap as JSON at once.
     */
    static final int BYTE_BUDGET = 1 << 20;

    /** Trees only (writeTree of a node): no settings of the application's mapper apply, as in JsonText. */
    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    /** Writes the fields of one row. */
    @FunctionalInterface
    public interface Row<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    private JsonRows() {
    }

    /**
     * Runs {@code statement} on the rows, as JSON arrays of row objects of about {@link #BYTE_BUDGET} bytes at most (a
     * row is never split), one statement after the other, in row order. No rows: no statement.
     */
    public static <T> Uni<Void> write(List<T> rows, Row<T> row, Function<byte[], Uni<?>> statement) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Iterable<byte[]> chunks = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ByteArrayBuilder bytes = new ByteArrayBuilder(8192);
                try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
                    json.writeStartArray();
                    do {
                        json.writeStartObject();
                        row.write(json, rows.get(next++));
                        json.writeEndObject();
                    } while (next < rows.size() && bytes.size() + json.getOutputBuffered() < BYTE_BUDGET);
                    json.writeEndArray();
                } catch (IOException e) {
                    // In memory, only the data can fail: e.g. half a surrogate pair, which is no character. The
                    // events are at fault, so they are set aside rather than retried for ever.
                    throw new IllegalArgumentException("Rows that cannot be written as JSON: " + e.getMessage(),
                            new InvalidEventException(e.getMessage()));
                }
                return bytes.toByteArray();
            }
        };
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(statement)
                .collect().last().replaceWithVoid();
    }
}
