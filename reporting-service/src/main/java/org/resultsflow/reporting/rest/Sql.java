package org.resultsflow.reporting.rest;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from the filters that were given, with its positional parameters. */
final class Sql {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code column = value}, when a value is given. */
    Sql eq(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = " + param(value));
        }
        return this;
    }

    /** An outcome by its id ({@code XM-DAC-41146-MEX_D_2.1}) or by its code ({@code MEX_D_2.1}). */
    Sql outcome(String column, String outcome) {
        if (outcome != null) {
            String p = param(outcome);
            conditions.add("(" + column + " = " + p + " OR right(" + column + ", length(" + p + ") + 1) = '-' || " + p + ")");
        }
        return this;
    }

    Sql where(String condition) {
        conditions.add(condition);
        return this;
    }

    String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String where() {
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

    /** A NUMERIC as written for people: no trailing zeros, never an exponent. */
    static BigDecimal plain(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Integer integer(Row row, String column) {
        return row.getInteger(column);
    }
}
