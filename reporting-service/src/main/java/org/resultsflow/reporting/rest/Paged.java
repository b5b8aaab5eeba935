package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** One page of a list: the rows, and the count of all rows that match in the X-Total-Count header. */
final class Paged {

    static final String TOTAL = "X-Total-Count";

    private Paged() {
    }

    /**
     * @param query a SELECT with the filter's WHERE clause in it and no ORDER BY
     * @param filter the filter whose parameters the query uses
     */
    static <T> Uni<RestResponse<List<T>>> query(Pool pool, String query, Sql filter, String orderBy, int page, int size,
            Function<Row, T> mapper) {
        Tuple countParams = filter.tuple();
        String pageClause = filter.page(page, size);
        return pool.preparedQuery(query + " ORDER BY " + orderBy + pageClause)
                .execute(filter.tuple())
                .chain(rows -> {
                    List<T> items = new ArrayList<>();
                    rows.forEach(row -> items.add(mapper.apply(row)));
                    return pool.preparedQuery("SELECT count(*) FROM (" + query + ") AS matching").execute(countParams)
                            .map(count -> RestResponse.ResponseBuilder.ok(items)
                                    .header(TOTAL, count.iterator().next().getLong(0)).build());
                });
    }
}
