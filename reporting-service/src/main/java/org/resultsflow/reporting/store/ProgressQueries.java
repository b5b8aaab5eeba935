package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.Direction;
import org.resultsflow.reporting.metrics.DirectionRule;
import org.resultsflow.reporting.metrics.ProgressReason;
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.metrics.ProgressStatus;

/** Reads progress toward target: the rows per indicator, year and sequence, and their roll-ups. */
@ApplicationScoped
public class ProgressQueries {

    static final String ROWS = "SELECT indicator_id, year, sequence, indicator_code, statement, outcome_id,"
            + " output_code, office, direction, direction_rule, baseline_raw, baseline_value, baseline_year, target_raw,"
            + " target_value, target_year, result_raw, result_value, progress, expected_progress, pace, status, reason"
            + " FROM report_progress";
    private static final String ROW_ORDER = "office, outcome_id, output_code NULLS FIRST, coalesce(indicator_code, statement),"
            + " indicator_id, year, sequence";
    private static final String SUMMARY_ORDER = "office NULLS FIRST, outcome_id NULLS FIRST, output_code NULLS FIRST, year";

    private final Pool pool;

    public ProgressQueries(Pool pool) {
        this.pool = pool;
    }

    /** Blank filters are no filters; {@code outcome} is an id or a code. */
    public Uni<Page<ProgressRow>> rows(String office, String outcome, String output, Integer year,
            ProgressStatus status, int page, int size) {
        Where where = new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome))
                .eq("output_code", Where.given(output)).eq("year", year).eq("status", status == null ? null : status.name());
        return Listing.page(pool, ROWS + where.clause(), where, ROW_ORDER, page, size, ProgressQueries::row);
    }

    /** Every row of one outcome (by id), in the order of the list. */
    public Uni<List<ProgressRow>> ofOutcome(String outcomeId) {
        Where where = new Where().eq("outcome_id", outcomeId);
        return Listing.all(pool, ROWS + where.clause(), where, ROW_ORDER, ProgressQueries::row);
    }

    /** One page of the roll-ups per {@code by} and year. */
    public Uni<Page<ProgressSummary>> summary(Grouping by, String office, String outcome, Integer year, int page,
            int size) {
        Where where = new Where();
        String query = summaryQuery(by, where, office, outcome, year);
        return Listing.page(pool, query, where, SUMMARY_ORDER, page, size, row -> summary(by, row));
    }

    private static String summaryQuery(Grouping by, Where where, String office, String outcome, Integer year) {
        String onTrack = where.param(ProgressStatus.ON_TRACK.name());
        String atRisk = where.param(ProgressStatus.AT_RISK.name());
        String offTrack = where.param(ProgressStatus.OFF_TRACK.name());
        String notAssessable = where.param(ProgressStatus.NOT_ASSESSABLE.name());
        where.eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq("year", year);
        return "SELECT " + by.keys() + ", year,"
                + " count(*) FILTER (WHERE status = " + onTrack + ") AS on_track,"
                + " count(*) FILTER (WHERE status = " + atRisk + ") AS at_risk,"
                + " count(*) FILTER (WHERE status = " + offTrack + ") AS off_track,"
                + " count(*) FILTER (WHERE status = " + notAssessable + ") AS not_assessable,"
                + " round(avg(progress) FILTER (WHERE progress IS NOT NULL AND status <> " + notAssessable + "), 6)"
                + " AS mean_progress FROM report_progress" + where.clause() + " GROUP BY " + by.groupKeys() + ", year";
    }

    static ProgressRow row(Row row) {
        return new ProgressRow(row.getString("indicator_id"), row.getInteger("year"), row.getInteger("sequence"),
                row.getString("indicator_code"), row.getString("statement"), row.getString("outcome_id"),
                row.getString("output_code"), row.getString("office"),
                Direction.valueOf(row.getString("direction")), DirectionRule.valueOf(row.getString("direction_rule")),
                row.getString("baseline_raw"), Listing.plain(row, "baseline_value"), row.getInteger("baseline_year"),
                row.getString("target_raw"), Listing.plain(row, "target_value"), row.getInteger("target_year"),
                row.getString("result_raw"), Listing.plain(row, "result_value"), Listing.plain(row, "progress"),
                Listing.plain(row, "expected_progress"), Listing.plain(row, "pace"),
                ProgressStatus.valueOf(row.getString("status")),
                row.getString("reason") == null ? null : ProgressReason.valueOf(row.getString("reason")));
    }

    private static ProgressSummary summary(Grouping by, Row row) {
        long onTrack = row.getLong("on_track");
        long atRisk = row.getLong("at_risk");
        long offTrack = row.getLong("off_track");
        long assessable = onTrack + atRisk + offTrack;
        BigDecimal rate = BudgetUtilisation.rate(BigDecimal.valueOf(onTrack), BigDecimal.valueOf(assessable));
        return new ProgressSummary(by.key(), row.getString("office"), row.getString("outcome_id"),
                row.getString("output_code"), row.getInteger("year"), onTrack, atRisk, offTrack,
                row.getLong("not_assessable"), assessable, rate == null ? null : rate.stripTrailingZeros(),
                Listing.plain(row, "mean_progress"));
    }
}
