package org.resultsflow.catalog.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.util.List;

/**
 * Parts of a stored canonical state (jsonb) as the columns of an export's query, and read back from its rows: the
 * state keeps numbers and dates as JSON, so they come out as text and are parsed here, without rounding.
 */
final class StateColumns {

    private StateColumns() {
    }

    /**
     * The select list of the provenance at {@code json} (an expression of a jsonb object): columns
     * {@code <prefix>document_id}, {@code document_name}, {@code source}, {@code first_line}, {@code last_line},
     * {@code as_of}, {@code as_of_basis}.
     */
    static String provenance(String json, String prefix) {
        return json + " ->> 'documentId' as " + prefix + "document_id, "
                + json + " ->> 'documentName' as " + prefix + "document_name, "
                + json + " ->> 'source' as " + prefix + "source, "
                + json + " -> 'lines' ->> 'first' as " + prefix + "first_line, "
                + json + " -> 'lines' ->> 'last' as " + prefix + "last_line, "
                + json + " ->> 'asOf' as " + prefix + "as_of, "
                + json + " ->> 'asOfBasis' as " + prefix + "as_of_basis";
    }

    /** The length of the JSON array at {@code json}; 0 when there is none. */
    static String count(String json) {
        return "case when jsonb_typeof(" + json + ") = 'array' then jsonb_array_length(" + json + ") else 0 end";
    }

    /** The strings of the JSON array at {@code json} as a text[]; empty when there is none. */
    static String strings(String json) {
        return "array(select jsonb_array_elements_text(case when jsonb_typeof(" + json + ") = 'array' then " + json
                + " else '[]'::jsonb end))";
    }

    static Integer integer(Row row, String column) {
        String text = row.getString(column);
        return text == null ? null : Integer.valueOf(text);
    }

    /** Kept as the JSON wrote it: no rounding through a double. */
    static BigDecimal decimal(Row row, String column) {
        String text = row.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    static Boolean bool(Row row, String column) {
        String text = row.getString(column);
        return text == null ? null : Boolean.valueOf(text);
    }

    static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }
}
