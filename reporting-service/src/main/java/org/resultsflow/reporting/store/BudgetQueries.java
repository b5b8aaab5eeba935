package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.BudgetUtilisation;

/** Reads budget utilisation: per outcome or output and reporting year, and per office without double counting. */
@ApplicationScoped
public class BudgetQueries {

    static final String ROWS = "SELECT id, entity_id, entity_type, outcome_id, office, reporting_year,"
            + " planned_usd, planned_shown, actual_usd, actual_shown, expenses_usd, expenses_shown, funding_rate,"
            + " delivery_rate, computed_shortfall, stated_shortfall_usd, stated_shortfall_shown, shortfall_tolerance,"
            + " shortfall_mismatch, over_spend, document_id, document_name, planned_amount, planned_currency,"
            + " expenses_amount, expenses_currency, utilisation_rate, utilisation_reason FROM report_budget";

    private final Pool pool;

    public BudgetQueries(Pool pool) {
        this.pool = pool;
    }

    /** Blank filters are no filters; {@code outcome} (an id or a code) gives the outcome's budget and its outputs'. */
    public Uni<Page<BudgetRow>> budgets(String office, String outcome, Integer year, int page, int size) {
        Where where = new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome))
                .eq("reporting_year", year);
        return Listing.page(pool, ROWS + where.clause(), where,
                "office, outcome_id, reporting_year, entity_type DESC, entity_id", page, size, BudgetQueries::row);
    }

    /** The output budgets of an office (all offices when null), the newest reporting year first. */
    public Uni<List<BudgetRow>> outputBudgets(String office) {
        Where where = new Where().eq("office", Where.given(office)).eq("entity_type", BudgetEntityType.OUTPUT.name());
        return Listing.all(pool, ROWS + where.clause(), where, "reporting_year DESC, entity_id", BudgetQueries::row);
    }

    /** The budgets of one outcome (by id) and of its outputs, the newest reporting year first, the outcome's first. */
    public Uni<List<BudgetRow>> ofOutcome(String outcomeId) {
        Where where = new Where().eq("outcome_id", outcomeId);
        return Listing.all(pool, ROWS + where.clause(), where, "reporting_year DESC, entity_type DESC, entity_id",
                BudgetQueries::row);
    }

    /**
     * Per office and reporting year: the outcome-level budget of each outcome that has one, and in place of a
     * missing one the outcome's output budgets, never both.
     */
    public Uni<Page<BudgetOfficeSummary>> offices(String office, Integer year, int page, int size) {
        Where where = new Where();
        String outcomeLevel = where.param(BudgetEntityType.OUTCOME.name());
        where.eq("office", Where.given(office)).eq("reporting_year", year);
        String counted = counted(outcomeLevel);
        String query = "SELECT office, reporting_year,"
                + " count(*) FILTER (WHERE entity_type = " + outcomeLevel + ") AS outcome_budgets,"
                + " count(*) FILTER (WHERE entity_type IS DISTINCT FROM " + outcomeLevel + ") AS output_budgets,"
                + " sum(planned_usd) AS planned, sum(actual_usd) AS actual, sum(expenses_usd) AS expenses,"
                + " sum(computed_shortfall) AS shortfall,"
                + " sum(actual_usd) FILTER (WHERE planned_usd IS NOT NULL) AS funded,"
                + " sum(planned_usd) FILTER (WHERE actual_usd IS NOT NULL) AS planned_funded,"
                + " sum(expenses_usd) FILTER (WHERE actual_usd IS NOT NULL) AS spent,"
                + " sum(actual_usd) FILTER (WHERE expenses_usd IS NOT NULL) AS actual_spent,"
                + " count(*) FILTER (WHERE over_spend) AS over_spends,"
                + " count(*) FILTER (WHERE shortfall_mismatch) AS mismatches"
                + " FROM (" + counted + ") AS counted" + where.clause() + " GROUP BY office, reporting_year";
        return Listing.page(pool, query, where, "office, reporting_year", page, size, row ->
                new BudgetOfficeSummary(row.getString("office"), row.getInteger("reporting_year"),
                        row.getLong("outcome_budgets"), row.getLong("output_budgets"), Listing.plain(row, "planned"),
                        Listing.plain(row, "actual"), Listing.plain(row, "expenses"), Listing.plain(row, "shortfall"),
                        strip(BudgetUtilisation.rate(row.getBigDecimal("funded"), row.getBigDecimal("planned_funded"))),
                        strip(BudgetUtilisation.rate(row.getBigDecimal("spent"), row.getBigDecimal("actual_spent"))),
                        row.getLong("over_spends"), row.getLong("mismatches")));
    }

    /**
     * The budgets an office roll-up counts: every outcome-level budget, and the output budgets of an outcome and
     * year that has none.
     *
     * @param outcomeLevel the placeholder bound to {@code OUTCOME}
     */
    static String counted(String outcomeLevel) {
        return "SELECT * FROM report_budget b WHERE entity_type = " + outcomeLevel
                + " OR (entity_type IS DISTINCT FROM " + outcomeLevel + " AND NOT EXISTS (SELECT 1 FROM report_budget o"
                + " WHERE o.entity_type = " + outcomeLevel + " AND o.outcome_id = b.outcome_id"
                + " AND o.reporting_year IS NOT DISTINCT FROM b.reporting_year))";
    }

    static BudgetRow row(Row row) {
        return new BudgetRow(row.getString("id"), row.getString("entity_id"), row.getString("entity_type"),
                row.getString("outcome_id"), row.getString("office"), row.getInteger("reporting_year"),
                Listing.plain(row, "planned_usd"), row.getString("planned_shown"), Listing.plain(row, "actual_usd"),
                row.getString("actual_shown"), Listing.plain(row, "expenses_usd"), row.getString("expenses_shown"),
                Listing.plain(row, "funding_rate"), Listing.plain(row, "delivery_rate"),
                Listing.plain(row, "computed_shortfall"), Listing.plain(row, "stated_shortfall_usd"),
                row.getString("stated_shortfall_shown"), Listing.plain(row, "shortfall_tolerance"),
                row.getBoolean("shortfall_mismatch"), row.getBoolean("over_spend"), row.getString("document_id"),
                row.getString("document_name"), Listing.plain(row, "planned_amount"), row.getString("planned_currency"),
                Listing.plain(row, "expenses_amount"), row.getString("expenses_currency"),
                Listing.plain(row, "utilisation_rate"), row.getString("utilisation_reason"));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
