package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.ProgressRow;

/**
 * Every row of a per-indicator report, streamed from PostgreSQL through a cursor: a few hundred rows are in memory
 * at a time whatever the size of the report, and the next are fetched only as the client takes them. Rows come
 * in key order (indicator, year, sequence), so an export that broke off resumes after the key of the last row
 * received.
 */
@ApplicationScoped
public class ExportQueries {

    /** Rows fetched from the cursor at a time. */
    static final int FETCH = 500;
    private static final List<String> KEY = List.of("indicator_id", "year", "sequence");
    private static final String ORDER = " ORDER BY indicator_id, year, sequence";

    /** The key of the last row a client received. */
    public record After(String indicatorId, int year, int sequence) {

        List<Object> values() {
            return List.of(indicatorId, year, sequence);
        }
    }

    private final Pool pool;

    public ExportQueries(Pool pool) {
        this.pool = pool;
    }

    public Multi<AttainmentRow> attainment(String office, String outcome, Integer year, After after) {
        Where where = filter(office, outcome, year, after);
        return stream(AttainmentQueries.ROWS + where.clause() + ORDER, where.tuple(), AttainmentQueries::row);
    }

    public Multi<ProgressRow> progress(String office, String outcome, Integer year, After after) {
        Where where = filter(office, outcome, year, after);
        return stream(ProgressQueries.ROWS + where.clause() + ORDER, where.tuple(), ProgressQueries::row);
    }

    private static Where filter(String office, String outcome, Integer year, After after) {
        return new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq("year", year)
                .after(KEY, after == null ? null : after.values());
    }

    /**
     * A cursor lives in a transaction: one connection and a read-only transaction per export, rolled back and
     * the connection returned when the stream ends, fails or the client goes away.
     */
    private <T> Multi<T> stream(String query, Tuple params, Function<Row, T> mapper) {
        return Multi.createFrom().uni(pool.getConnection()).onItem().transformToMultiAndConcatenate(connection ->
                Multi.createFrom().uni(connection.begin()).onItem().transformToMultiAndConcatenate(transaction ->
                        Multi.createFrom().uni(connection.prepare(query)).onItem()
                                .transformToMultiAndConcatenate(statement -> statement.createStream(FETCH, params).toMulti())
                                .onTermination().call(() -> transaction.rollback().onFailure().recoverWithNull()))
                        .onTermination().call(connection::close))
                .map(mapper);
    }
}
