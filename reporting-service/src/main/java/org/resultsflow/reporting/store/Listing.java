package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs a read-model query: one page with the count of all matching rows, or every row. */
final class Listing {

    private Listing() {
    }

    /**
     * @param query a SELECT with the filter's WHERE clause in it and no ORDER BY
     * @param where the filter whose parameters the query uses
     */
    static <T> Uni<Page<T>> page(Pool pool, String query, Where where, String orderBy, int page, int size,
            Function<Row, T> mapper) {
        // The count takes the filter's parameters alone, so take them before the page adds its own.
        var countParams = where.tuple();
        String pageClause = where.page(page, size);
        // The page and the count on two connections at once: one round trip's latency, not two.
        return Uni.combine().all().unis(pool.preparedQuery(query + " ORDER BY " + orderBy + pageClause).execute(where.tuple()),
                        pool.preparedQuery("SELECT count(*) FROM (" + query + ") AS matching").execute(countParams))
                .asTuple()
                .map(both -> new Page<>(map(both.getItem1(), mapper), both.getItem2().iterator().next().getLong(0)));
    }

    static <T> Uni<List<T>> all(Pool pool, String query, Where where, String orderBy, Function<Row, T> mapper) {
        return pool.preparedQuery(query + " ORDER BY " + orderBy).execute(where.tuple()).map(rows -> map(rows, mapper));
    }

    static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>();
        rows.forEach(row -> items.add(mapper.apply(row)));
        return items;
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
}
