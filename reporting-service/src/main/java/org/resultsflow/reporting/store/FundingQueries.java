package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** Reads funding partners' contributions to outcomes, one by one or summed. */
@ApplicationScoped
public class FundingQueries {

    static final String CONTRIBUTIONS = "SELECT office, outcome_id, partner, partner_type, year, total_usd, total_shown,"
            + " development_usd, humanitarian_usd, development_share, humanitarian_share, sequence, total_amount,"
            + " total_currency, total_value_date FROM report_funding_contribution";

    /** US dollars first (the portal's figures), then the other currencies by code, then amounts that are no number. */
    private static final String CURRENCY_ORDER = "total_currency IS DISTINCT FROM 'USD', total_currency NULLS LAST";

    private final Pool pool;

    public FundingQueries(Pool pool) {
        this.pool = pool;
    }

    /** Blank filters are no filters; {@code outcome} is an id or a code. */
    public Uni<Page<FundingContribution>> contributions(String office, String outcome, Integer year, int page, int size) {
        Where where = filter(office, outcome, year);
        return Listing.page(pool, CONTRIBUTIONS + where.clause(), where,
                "office, outcome_id, year, " + CURRENCY_ORDER + ", total_amount DESC NULLS LAST, partner, sequence", page,
                size, FundingQueries::contribution);
    }

    /**
     * Contributions summed per outcome or office ({@code by}), year and currency: amounts of different currencies
     * are never added, so each currency has its row, and contributions shown without a number one of their own.
     */
    public Uni<Page<FundingTotal>> totals(Grouping by, String office, String outcome, Integer year, int page, int size) {
        String keys = switch (by) {
            case OUTCOME -> "office, outcome_id";
            case OFFICE -> "office";
            case OUTPUT -> throw new IllegalArgumentException("funding is per outcome, not per output");
        };
        Where where = filter(office, outcome, year);
        String query = "SELECT " + keys + (by == Grouping.OFFICE ? ", NULL::text AS outcome_id" : "")
                + ", year, total_currency AS currency, count(DISTINCT partner) AS partners, sum(total_amount) AS amount"
                + " FROM report_funding_contribution" + where.clause() + " GROUP BY " + keys + ", year, total_currency";
        return Listing.page(pool, query, where, "office, outcome_id NULLS FIRST, year, " + CURRENCY_ORDER, page, size,
                row -> {
                    String currency = row.getString("currency");
                    BigDecimal amount = Listing.plain(row, "amount");
                    return new FundingTotal(by.key(), row.getString("office"), row.getString("outcome_id"),
                            row.getInteger("year"), row.getLong("partners"), "USD".equals(currency) ? amount : null,
                            currency, amount);
                });
    }

    /** Each partner's contributions summed per year and currency, over the outcomes of an office (all when null). */
    public Uni<List<PartnerTotal>> partnerTotals(String office) {
        Where where = new Where().eq("office", Where.given(office));
        return Listing.all(pool, "SELECT partner, year, total_currency, sum(total_amount) AS total"
                        + " FROM report_funding_contribution" + where.clause() + " GROUP BY partner, year, total_currency",
                where, "partner, year, " + CURRENCY_ORDER,
                row -> new PartnerTotal(row.getString("partner"), row.getInteger("year"), row.getString("total_currency"),
                        row.getBigDecimal("total")));
    }

    static FundingContribution contribution(Row row) {
        return new FundingContribution(row.getString("office"), row.getString("outcome_id"), row.getString("partner"),
                row.getString("partner_type"), row.getInteger("year"), Listing.plain(row, "total_usd"),
                row.getString("total_shown"), Listing.plain(row, "development_usd"), Listing.plain(row, "humanitarian_usd"),
                Listing.plain(row, "development_share"), Listing.plain(row, "humanitarian_share"),
                row.getInteger("sequence"), Listing.plain(row, "total_amount"), row.getString("total_currency"),
                row.getLocalDate("total_value_date"));
    }

    private static Where filter(String office, String outcome, Integer year) {
        return new Where().eq("office", Where.given(office)).outcome("outcome_id", Where.given(outcome)).eq("year", year);
    }
}
