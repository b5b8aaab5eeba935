package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads outcomes and their progress timelines. */
@ApplicationScoped
public class OutcomeQueries {

    private static final String OUTCOMES = "SELECT id, code, office, plan_period, statement, version FROM report_outcome";
    private static final String TIMELINE = "SELECT outcome_id, year, year_basis, sequence, status, first_sentence, text,"
            + " partial, output_code, output_statement, document_id, document_name FROM report_progress_note";

    private final Pool pool;

    public OutcomeQueries(Pool pool) {
        this.pool = pool;
    }

    /** One page of the outcomes of an office (all offices when blank) in id order, each with its timeline. */
    public Uni<List<OutcomeReport>> withTimelines(String office, int page, int size) {
        Where where = new Where().eq("office", Where.given(office));
        String pageClause = where.page(page, size);
        return pool.preparedQuery(OUTCOMES + where.clause() + " ORDER BY id" + pageClause).execute(where.tuple())
                .map(rows -> Listing.map(rows, OutcomeQueries::outcome))
                .chain(outcomes -> timelines(outcomes.stream().map(OutcomeRow::id).toList()).map(notes -> {
                    Map<String, List<OutcomeReport.ProgressEntry>> byOutcome = notes.stream().collect(Collectors.groupingBy(
                            OutcomeNote::outcomeId, Collectors.mapping(OutcomeNote::entry, Collectors.toList())));
                    return outcomes.stream().map(o -> new OutcomeReport(o.id(), o.code(), o.office(), o.planPeriod(),
                            o.statement(), o.version(), byOutcome.getOrDefault(o.id(), List.of()))).toList();
                }));
    }

    /** The outcomes of an office (all offices when blank), in id order. */
    public Uni<List<OutcomeRow>> outcomes(String office) {
        Where where = new Where().eq("office", Where.given(office));
        return Listing.all(pool, OUTCOMES + where.clause(), where, "id", OutcomeQueries::outcome);
    }

    /** The outcome with this id or code; null when the read models hold none. */
    public Uni<OutcomeRow> find(String idOrCode) {
        Where where = new Where().outcome("id", idOrCode.strip());
        return pool.preparedQuery(OUTCOMES + where.clause() + " ORDER BY id LIMIT 1").execute(where.tuple())
                .map(rows -> rows.iterator().hasNext() ? outcome(rows.iterator().next()) : null);
    }

    /** One page of an outcome's timeline (the outcome by id), in timeline order. */
    public Uni<Page<OutcomeReport.ProgressEntry>> timeline(String outcomeId, int page, int size) {
        Where where = new Where().eq("outcome_id", outcomeId);
        return Listing.page(pool, TIMELINE + where.clause(), where, "entry", page, size, OutcomeQueries::entry);
    }

    /** An outcome's whole timeline (the outcome by id), in timeline order. */
    public Uni<List<OutcomeReport.ProgressEntry>> timeline(String outcomeId) {
        Where where = new Where().eq("outcome_id", outcomeId);
        return Listing.all(pool, TIMELINE + where.clause(), where, "entry", OutcomeQueries::entry);
    }

    private record OutcomeNote(String outcomeId, OutcomeReport.ProgressEntry entry) {
    }

    /** The timelines of several outcomes in one query, by outcome then timeline order. */
    private Uni<List<OutcomeNote>> timelines(List<String> outcomeIds) {
        if (outcomeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(TIMELINE + " WHERE outcome_id = ANY($1) ORDER BY outcome_id, entry")
                .execute(Tuple.of(outcomeIds.toArray(String[]::new)))
                .map(rows -> Listing.map(rows, row -> new OutcomeNote(row.getString("outcome_id"), entry(row))));
    }

    private static OutcomeRow outcome(Row row) {
        return new OutcomeRow(row.getString("id"), row.getString("code"), row.getString("office"),
                row.getString("plan_period"), row.getString("statement"), row.getLong("version"));
    }

    private static OutcomeReport.ProgressEntry entry(Row row) {
        return new OutcomeReport.ProgressEntry(row.getInteger("year"), row.getString("year_basis"),
                row.getInteger("sequence"), row.getString("status"), row.getString("first_sentence"),
                row.getString("text"), row.getBoolean("partial"), row.getString("output_code"),
                row.getString("output_statement"), row.getString("document_id"), row.getString("document_name"));
    }
}
