package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.reporting.store.Page;

/** One page of a list as an answer: the rows, and the count of all rows that match in the X-Total-Count header. */
final class Paged {

    static final String TOTAL = "X-Total-Count";

    private Paged() {
    }

    static <T> Uni<RestResponse<List<T>>> answer(Uni<Page<T>> page) {
        return page.map(p -> RestResponse.ResponseBuilder.ok(p.rows()).header(TOTAL, p.total()).build());
    }
}
