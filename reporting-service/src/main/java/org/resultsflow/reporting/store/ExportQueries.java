package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.resultsflow.contracts.export.CursorStream;
import org.resultsflow.contracts.export.ResumeKey;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.ProgressRow;

/**
 * Every row of a report, streamed from PostgreSQL through a cursor ({@link CursorStream}): a few hundred rows are
 * in memory at a time whatever the size of the report, and the next are fetched only as the client takes them.
 * Rows come in the order of their table's primary key, so an export that broke off resumes after the key of the
 * last row received ({@link ResumeKey}).
 */
@ApplicationScoped
public class ExportQueries {

    /** The key of an attainment or progress row: indicator id, year, sequence. */
    public static final List<String> INDICATOR_YEAR_KEY = List.of("indicator_id", "year", "sequence");
    /** The key of a budget row: its id. */
    public static final List<String> BUDGET_KEY = List.of("id");
    /** The key of a funding contribution: outcome id, partner, year, sequence. */
    public static final List<String> FUNDING_KEY = List.of("outcome_id", "partner", "year", "sequence");

    private final Pool pool;

    public ExportQueries(Pool pool) {
        this.pool = pool;
    }

    public Multi<AttainmentRow> attainment(String office, String outcome, Integer year, ResumeKey after) {
        Where where = filter(office, outcome, "year", year).after(INDICATOR_YEAR_KEY, after);
        return CursorStream.rows(pool, AttainmentQueries.ROWS + where.clause() + order(INDICATOR_YEAR_KEY), where.tuple(),
                AttainmentQueries::row);
    }

    public Multi<ProgressRow> progress(String office, String outcome, Integer year, ResumeKey after) {
        Where where = filter(office, outcome, "year", year).after(INDICATOR_YEAR_KEY, after);
        return CursorStream.rows(pool, ProgressQueries.ROWS + where.clause() + order(INDICATOR_YEAR_KEY), where.tuple(),
                ProgressQueries::row);
    }

    /** Budgets of outcomes and outputs; {@code outcome} gives the outcome's budget and its outputs'. */
    public Multi<BudgetRow> budgets(String office, String outcome, Integer reportingYear, ResumeKey after) {
        Where where = filter(office, outcome, "reporting_year", reportingYear).after(BUDGET_KEY, after);
        return CursorStream.rows(pool, BudgetQueries.ROWS + where.clause() + order(BUDGET_KEY), where.tuple(),
                BudgetQueries::row);
    }

    public Multi<FundingContribution> funding(String office, String outcome, Integer year, ResumeKey after) {
        Where where = filter(office, outcome, "year", year).after(FUNDING_KEY, after);
        return CursorStream.rows(pool, FundingQueries.CONTRIBUTIONS + where.clause() + order(FUNDING_KEY), where.tuple(),
                FundingQueries::contribution);
    }

    private static Where filter(String office, String outcome, String yearColumn, Integer year) {
        return new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq(yearColumn, year);
    }

    private static String order(List<String> key) {
        return " ORDER BY " + String.join(", ", key);
    }
}
