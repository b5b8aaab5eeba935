package org.resultsflow.catalog.repository;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.resultsflow.contracts.export.CursorStream;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * An export's query: a select and the conditions of the filters that were given, the rows after a resume key, in
 * the order of that key, streamed from a cursor. Values are bound as positional parameters, never written into the
 * SQL.
 */
final class CursorQuery {

    private final String select;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code select}: the select list and FROM, without WHERE. */
    CursorQuery(String select) {
        this.select = select;
    }

    /** A condition without parameters. */
    CursorQuery condition(String sql) {
        conditions.add(sql);
        return this;
    }

    /** {@code column = value}, when a value is given. */
    CursorQuery eq(String column, Object value) {
        return value == null ? this : condition(column + " = " + param(value));
    }

    /** {@code column >= value}, when a value is given: a bound PostgreSQL can start an index scan from. */
    CursorQuery atLeast(String column, Object value) {
        return value == null ? this : condition(column + " >= " + param(value));
    }

    /** The rows after {@code after} in the order of {@code key}, when a key is given. */
    CursorQuery after(List<String> key, ResumeKey after) {
        if (after != null) {
            conditions.add(after.condition(key, params.size() + 1));
            params.addAll(after.values());
        }
        return this;
    }

    /** The rows in the order of {@code key}, from a cursor. */
    <T> Multi<T> stream(Pool pool, List<String> key, Function<Row, T> mapper) {
        String query = select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + String.join(", ", key);
        return CursorStream.rows(pool, query, Tuple.from(new ArrayList<>(params)), mapper);
    }

    private String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
