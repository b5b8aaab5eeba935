package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.resultsflow.reporting.metrics.AttainmentReason;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.Direction;
import org.resultsflow.reporting.metrics.DirectionRule;
import org.resultsflow.reporting.metrics.ExpectedKind;

/** Reads milestone attainment: the rows per indicator, year and sequence, and their roll-ups. */
@ApplicationScoped
public class AttainmentQueries {

    static final String ROWS = "SELECT indicator_id, year, sequence, indicator_code, statement, outcome_id,"
            + " output_code, office, result_raw, result_type, result_value, expected_kind, expected_raw, expected_type,"
            + " expected_value, ratio, status, reason, direction, direction_rule FROM report_attainment";
    private static final String ROW_ORDER = "office, outcome_id, output_code NULLS FIRST, coalesce(indicator_code, statement),"
            + " indicator_id, year, sequence";
    private static final String SUMMARY_ORDER = "office NULLS FIRST, outcome_id NULLS FIRST, output_code NULLS FIRST, year";

    private final Pool pool;

    public AttainmentQueries(Pool pool) {
        this.pool = pool;
    }

    /** Blank filters are no filters; {@code outcome} is an id or a code. */
    public Uni<Page<AttainmentRow>> rows(String office, String outcome, String output, Integer year,
            AttainmentStatus status, int page, int size) {
        Where where = new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome))
                .eq("output_code", Where.given(output)).eq("year", year).eq("status", status == null ? null : status.name());
        return Listing.page(pool, ROWS + where.clause(), where, ROW_ORDER, page, size, AttainmentQueries::row);
    }

    /** Every row of one outcome (by id), in the order of the list. */
    public Uni<List<AttainmentRow>> ofOutcome(String outcomeId) {
        Where where = new Where().eq("outcome_id", outcomeId);
        return Listing.all(pool, ROWS + where.clause(), where, ROW_ORDER, AttainmentQueries::row);
    }

    /** One page of the roll-ups per {@code by} and year. */
    public Uni<Page<AttainmentSummary>> summary(Grouping by, String office, String outcome, Integer year, int page,
            int size) {
        Where where = new Where();
        String query = summaryQuery(by, where, office, outcome, year);
        return Listing.page(pool, query, where, SUMMARY_ORDER, page, size, row -> summary(by, row));
    }

    /** Every roll-up per {@code by} and year of an office (all offices when null). */
    public Uni<List<AttainmentSummary>> summary(Grouping by, String office) {
        Where where = new Where();
        String query = summaryQuery(by, where, office, null, null);
        return Listing.all(pool, query, where, SUMMARY_ORDER, row -> summary(by, row));
    }

    /**
     * The one roll-up query: counts per status (each status bound as a parameter) and the mean of the ratio capped
     * to [0, 1] (a decreasing indicator that rose from its baseline has a negative ratio; it counts as 0).
     */
    private static String summaryQuery(Grouping by, Where where, String office, String outcome, Integer year) {
        String met = where.param(AttainmentStatus.MET.name());
        String partial = where.param(AttainmentStatus.PARTIAL.name());
        String notMet = where.param(AttainmentStatus.NOT_MET.name());
        String notAssessable = where.param(AttainmentStatus.NOT_ASSESSABLE.name());
        where.eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq("year", year);
        return "SELECT " + by.keys() + ", year,"
                + " count(*) FILTER (WHERE status = " + met + ") AS met,"
                + " count(*) FILTER (WHERE status = " + partial + ") AS partial,"
                + " count(*) FILTER (WHERE status = " + notMet + ") AS not_met,"
                + " count(*) FILTER (WHERE status = " + notAssessable + ") AS not_assessable,"
                + " round(avg(GREATEST(LEAST(ratio, 1), 0)) FILTER (WHERE ratio IS NOT NULL AND status <> " + notAssessable + "), 6)"
                + " AS mean_ratio FROM report_attainment" + where.clause() + " GROUP BY " + by.groupKeys() + ", year";
    }

    static AttainmentRow row(Row row) {
        return new AttainmentRow(row.getString("indicator_id"), row.getInteger("year"), row.getInteger("sequence"),
                row.getString("indicator_code"), row.getString("statement"), row.getString("outcome_id"),
                row.getString("output_code"), row.getString("office"), row.getString("result_raw"),
                row.getString("result_type"), Listing.plain(row, "result_value"),
                enumValue(ExpectedKind.class, row.getString("expected_kind")), row.getString("expected_raw"),
                row.getString("expected_type"), Listing.plain(row, "expected_value"), Listing.plain(row, "ratio"),
                AttainmentStatus.valueOf(row.getString("status")),
                enumValue(AttainmentReason.class, row.getString("reason")),
                enumValue(Direction.class, row.getString("direction")),
                enumValue(DirectionRule.class, row.getString("direction_rule")));
    }

    private static AttainmentSummary summary(Grouping by, Row row) {
        long met = row.getLong("met");
        long partial = row.getLong("partial");
        long notMet = row.getLong("not_met");
        long assessable = met + partial + notMet;
        BigDecimal rate = BudgetUtilisation.rate(BigDecimal.valueOf(met), BigDecimal.valueOf(assessable));
        return new AttainmentSummary(by.key(), row.getString("office"), row.getString("outcome_id"),
                row.getString("output_code"), row.getInteger("year"), met, partial, notMet, row.getLong("not_assessable"),
                assessable, rate == null ? null : rate.stripTrailingZeros(), Listing.plain(row, "mean_ratio"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
