package org.resultsflow.catalog.rest;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** One page of a list with the count of all matching items in {@code X-Total-Count}, as reporting answers too. */
final class Totals {

    static final String TOTAL = "X-Total-Count";

    private Totals() {
    }

    /** The page, then the count: one after the other, as a reactive session runs one query at a time. */
    static <T> Uni<RestResponse<List<T>>> answer(Uni<List<T>> page, java.util.function.Supplier<Uni<Long>> total) {
        return page.chain(rows -> total.get().map(count -> RestResponse.ResponseBuilder.ok(rows).header(TOTAL, count).build()));
    }
}
