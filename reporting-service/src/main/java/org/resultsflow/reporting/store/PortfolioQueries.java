package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.ProgressStatus;

/**
 * The portfolio: every office the read models know, one row each, sorted and paged in SQL so that the home page
 * stays one page whatever the number of offices.
 */
@ApplicationScoped
public class PortfolioQueries {

    /** What the portfolio can be sorted by: each a column of the query. */
    public enum Sort {
        OFFICE("office"),
        OUTCOMES("outcomes"),
        ATTAINMENT("attainment_rate"),
        ON_TRACK("on_track"),
        AT_RISK("at_risk"),
        OFF_TRACK("off_track"),
        FUNDING("funding_rate"),
        DELIVERY("delivery_rate"),
        OVER_SPENDS("over_spends");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        /** As the page's links name it: {@code attainment}, {@code on-track}, … */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Sort of(String key) {
            for (Sort sort : values()) {
                if (sort.key().equals(key)) {
                    return sort;
                }
            }
            return null;
        }
    }

    private final Pool pool;

    public PortfolioQueries(Pool pool) {
        this.pool = pool;
    }

    /** @param year a year's figures (attainment and progress of the year, budgets of the reporting year); all when null */
    public Uni<Page<OfficeSummary>> offices(Integer year, Sort sort, boolean descending, int page, int size) {
        Where where = new Where();
        String met = where.param(AttainmentStatus.MET.name());
        String notAssessable = where.param(AttainmentStatus.NOT_ASSESSABLE.name());
        String onTrack = where.param(ProgressStatus.ON_TRACK.name());
        String atRisk = where.param(ProgressStatus.AT_RISK.name());
        String offTrack = where.param(ProgressStatus.OFF_TRACK.name());
        String outcomeLevel = where.param(BudgetEntityType.OUTCOME.name());
        String y = year == null ? null : where.param(year);
        String query = "WITH o AS (SELECT office, count(*) AS outcomes FROM report_outcome WHERE office IS NOT NULL GROUP BY office),"
                + " a AS (SELECT office, count(*) FILTER (WHERE status = " + met + ") AS met,"
                + " count(*) FILTER (WHERE status <> " + notAssessable + ") AS assessable FROM report_attainment"
                + " WHERE office IS NOT NULL" + (y == null ? "" : " AND year = " + y) + " GROUP BY office),"
                + " p AS (SELECT office, count(*) FILTER (WHERE status = " + onTrack + ") AS on_track,"
                + " count(*) FILTER (WHERE status = " + atRisk + ") AS at_risk,"
                + " count(*) FILTER (WHERE status = " + offTrack + ") AS off_track FROM report_progress"
                + " WHERE office IS NOT NULL" + (y == null ? "" : " AND year = " + y) + " GROUP BY office),"
                + " b AS (SELECT office, sum(actual_usd) FILTER (WHERE planned_usd IS NOT NULL) AS funded,"
                + " sum(planned_usd) FILTER (WHERE actual_usd IS NOT NULL) AS planned_funded,"
                + " sum(expenses_usd) FILTER (WHERE actual_usd IS NOT NULL) AS spent,"
                + " sum(actual_usd) FILTER (WHERE expenses_usd IS NOT NULL) AS actual_spent,"
                + " count(*) FILTER (WHERE over_spend) AS over_spends"
                + " FROM (" + BudgetQueries.counted(outcomeLevel) + ") AS counted WHERE office IS NOT NULL"
                + (y == null ? "" : " AND reporting_year = " + y) + " GROUP BY office)"
                + " SELECT office, coalesce(outcomes, 0) AS outcomes, coalesce(met, 0) AS met,"
                + " coalesce(assessable, 0) AS assessable, met::numeric / nullif(assessable, 0) AS attainment_rate,"
                + " coalesce(on_track, 0) AS on_track, coalesce(at_risk, 0) AS at_risk, coalesce(off_track, 0) AS off_track,"
                + " funded, planned_funded, spent, actual_spent, funded / nullif(planned_funded, 0) AS funding_rate,"
                + " spent / nullif(actual_spent, 0) AS delivery_rate, coalesce(over_spends, 0) AS over_spends"
                + " FROM o FULL JOIN a USING (office) FULL JOIN p USING (office) FULL JOIN b USING (office)";
        String order = sort.column + (descending ? " DESC" : " ASC") + " NULLS LAST, office";
        return Listing.page(pool, query, where, order, page, size, PortfolioQueries::office);
    }

    /** The years that have attainment or progress rows or budgets, for the year selector. */
    public Uni<List<Integer>> years() {
        return pool.preparedQuery("SELECT year FROM report_attainment UNION SELECT year FROM report_progress"
                        + " UNION SELECT reporting_year FROM report_budget WHERE reporting_year IS NOT NULL ORDER BY 1")
                .execute(Tuple.tuple()).map(rows -> {
                    List<Integer> years = new ArrayList<>();
                    rows.forEach(r -> years.add(r.getInteger(0)));
                    return years;
                });
    }

    private static OfficeSummary office(Row row) {
        long met = row.getLong("met");
        long assessable = row.getLong("assessable");
        return new OfficeSummary(row.getString("office"), row.getLong("outcomes"), met, assessable,
                strip(BudgetUtilisation.rate(BigDecimal.valueOf(met), BigDecimal.valueOf(assessable))),
                row.getLong("on_track"), row.getLong("at_risk"), row.getLong("off_track"),
                strip(BudgetUtilisation.rate(row.getBigDecimal("funded"), row.getBigDecimal("planned_funded"))),
                strip(BudgetUtilisation.rate(row.getBigDecimal("spent"), row.getBigDecimal("actual_spent"))),
                row.getLong("over_spends"));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
