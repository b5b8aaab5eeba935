package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads funding partners' contributions to outcomes, one by one or summed. */
@ApplicationScoped
public class FundingQueries {

    static final String CONTRIBUTIONS = "SELECT office, outcome_id, partner, partner_type, year, total_usd, total_shown,"
            + " development_usd, humanitarian_usd, development_share, humanitarian_share FROM report_funding_contribution";

    private final Pool pool;

    public FundingQueries(Pool pool) {
        this.pool = pool;
    }

    /** Blank filters are no filters; {@code outcome} is an id or a code. */
    public Uni<Page<FundingContribution>> contributions(String office, String outcome, Integer year, int page, int size) {
        Where where = filter(office, outcome, year);
        return Listing.page(pool, CONTRIBUTIONS + where.clause(), where,
                "office, outcome_id, year, total_usd DESC NULLS LAST, partner", page, size, FundingQueries::contribution);
    }

    /** Contributions summed per outcome or office ({@code by}), and year. */
    public Uni<Page<FundingTotal>> totals(Grouping by, String office, String outcome, Integer year, int page, int size) {
        String keys = switch (by) {
            case OUTCOME -> "office, outcome_id";
            case OFFICE -> "office";
            case OUTPUT -> throw new IllegalArgumentException("funding is per outcome, not per output");
        };
        Where where = filter(office, outcome, year);
        String query = "SELECT " + keys + (by == Grouping.OFFICE ? ", NULL::text AS outcome_id" : "")
                + ", year, count(DISTINCT partner) AS partners, sum(total_usd) AS total"
                + " FROM report_funding_contribution" + where.clause() + " GROUP BY " + keys + ", year";
        return Listing.page(pool, query, where, "office, outcome_id NULLS FIRST, year", page, size,
                row -> new FundingTotal(by.key(), row.getString("office"), row.getString("outcome_id"),
                        row.getInteger("year"), row.getLong("partners"), Listing.plain(row, "total")));
    }

    /** Each partner's contributions summed per year, over the outcomes of an office (all offices when null). */
    public Uni<List<PartnerTotal>> partnerTotals(String office) {
        Where where = new Where().eq("office", Where.given(office));
        return Listing.all(pool, "SELECT partner, year, sum(total_usd) AS total FROM report_funding_contribution"
                        + where.clause() + " GROUP BY partner, year", where, "partner, year",
                row -> new PartnerTotal(row.getString("partner"), row.getInteger("year"), row.getBigDecimal("total")));
    }

    static FundingContribution contribution(Row row) {
        return new FundingContribution(row.getString("office"), row.getString("outcome_id"), row.getString("partner"),
                row.getString("partner_type"), row.getInteger("year"), Listing.plain(row, "total_usd"),
                row.getString("total_shown"), Listing.plain(row, "development_usd"), Listing.plain(row, "humanitarian_usd"),
                Listing.plain(row, "development_share"), Listing.plain(row, "humanitarian_share"));
    }

    private static Where filter(String office, String outcome, Integer year) {
        return new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq("year", year);
    }
}
