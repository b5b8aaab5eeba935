package org.resultsflow.reporting.store;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.export.ResumeKey;

/** A WHERE clause built from the filters that were given, with its positional parameters. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, when a value is given. */
    Where eq(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = " + param(value));
        }
        return this;
    }

    /** A condition without parameters. */
    Where condition(String sql) {
        conditions.add(sql);
        return this;
    }

    /**
     * An outcome by its id ({@code XM-DAC-41146-MEX_D_2.1}) or by its code ({@code MEX_D_2.1}), when given: the
     * one place where "id or code" is matched, so every endpoint and page finds the same outcome.
     */
    Where outcome(String column, String outcome) {
        if (outcome != null) {
            String p = param(outcome);
            conditions.add("(" + column + " = " + p + " OR right(" + column + ", length(" + p + ") + 1) = '-' || " + p + ")");
        }
        return this;
    }

    /** Rows after the given key in the order of these columns (the contracts' keyset condition), when a key is given. */
    Where after(List<String> columns, ResumeKey key) {
        if (key != null) {
            conditions.add(key.condition(columns, params.size() + 1));
            params.addAll(key.values());
        }
        return this;
    }

    /** A placeholder for the value, which the tuple then carries: values are bound, never written into the SQL. */
    String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** LIMIT and OFFSET of a page, as parameters. */
    String page(int page, int size) {
        return " LIMIT " + param(size) + " OFFSET " + param((long) page * size);
    }

    Tuple tuple() {
        return Tuple.from(new ArrayList<>(params));
    }

    /** A filter value: null when blank. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
