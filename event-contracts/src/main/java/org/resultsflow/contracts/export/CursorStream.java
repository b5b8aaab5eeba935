package org.resultsflow.contracts.export;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;

/**
 * The rows of a query streamed from a PostgreSQL cursor: {@link #FETCH} rows are fetched at a time, and the next
 * only as the subscriber asks for them, so memory does not grow with the number of rows. A cursor lives in a
 * transaction: one connection and a read-only transaction per stream, rolled back and the connection returned
 * when the stream ends, fails or is cancelled (the client went away).
 */
public final class CursorStream {

    /** Rows fetched from the cursor at a time. */
    public static final int FETCH = 500;

    private CursorStream() {
    }

    public static <T> Multi<T> rows(Pool pool, String query, Tuple params, Function<Row, T> mapper) {
        return Multi.createFrom().uni(pool.getConnection()).onItem().transformToMultiAndConcatenate(connection ->
                Multi.createFrom().uni(connection.begin()).onItem().transformToMultiAndConcatenate(transaction ->
                        Multi.createFrom().uni(connection.prepare(query)).onItem()
                                .transformToMultiAndConcatenate(statement -> statement.createStream(FETCH, params).toMulti())
                                .onTermination().call(() -> transaction.rollback().onFailure().recoverWithNull()))
                        .onTermination().call(connection::close))
                .map(mapper);
    }
}
