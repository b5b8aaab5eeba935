package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.BudgetUtilisation;

@Path("/api/reports/budget-utilisation")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "budget utilisation", description = "Planned, actual and expenses of outcomes and outputs (DESIGN §6)")
public class BudgetResource {

    static final String COLUMNS = "id, entity_id, entity_type, outcome_id, office, reporting_year, planned_usd,"
            + " planned_shown, actual_usd, actual_shown, expenses_usd, expenses_shown, funding_rate, delivery_rate,"
            + " computed_shortfall, stated_shortfall_usd, stated_shortfall_shown, shortfall_tolerance, shortfall_mismatch,"
            + " over_spend, document_id, document_name";

    private final Pool pool;

    public BudgetResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Budget utilisation per outcome or output and reporting year",
            description = "Funding rate = actual ÷ planned, delivery rate = expenses ÷ actual, shortfall = planned − "
                    + "actual; a stated shortfall is flagged when it differs from planned − actual by more than the "
                    + "rounding of the shown figures; over-spend when expenses > actual. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of budgets",
            headers = @Header(name = Paged.TOTAL, description = "Budgets matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetRow.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<BudgetRow>>> list(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code: the outcome's budget and its outputs'") @QueryParam("outcome") String outcome,
            @Parameter(description = "Reporting year") @QueryParam("year") Integer year,
            @Valid @BeanParam Lists paging) {
        Sql filter = new Sql().eq("office", Sql.given(office)).outcome("outcome_id", Sql.given(outcome))
                .eq("reporting_year", year);
        return Paged.query(pool, "SELECT " + COLUMNS + " FROM report_budget" + filter.where(), filter,
                "office, outcome_id, reporting_year, entity_type DESC, entity_id", paging.page, paging.size,
                BudgetResource::row);
    }

    @GET
    @Path("/offices")
    @Operation(summary = "Budget utilisation per office and reporting year, no budget counted twice",
            description = "Sums the outcome-level budget of each outcome; an outcome without one for the year "
                    + "contributes its outputs' budgets instead. Never an outcome and its outputs together. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of office roll-ups",
            headers = @Header(name = Paged.TOTAL, description = "Roll-ups matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetOfficeSummary.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<BudgetOfficeSummary>>> offices(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Reporting year") @QueryParam("year") Integer year,
            @Valid @BeanParam Lists paging) {
        Sql filter = new Sql().eq("office", Sql.given(office)).eq("reporting_year", year);
        String counted = "SELECT * FROM report_budget b WHERE entity_type = 'OUTCOME'"
                + " OR (entity_type IS DISTINCT FROM 'OUTCOME' AND NOT EXISTS (SELECT 1 FROM report_budget o"
                + " WHERE o.entity_type = 'OUTCOME' AND o.outcome_id = b.outcome_id"
                + " AND o.reporting_year IS NOT DISTINCT FROM b.reporting_year))";
        String query = "SELECT office, reporting_year,"
                + " count(*) FILTER (WHERE entity_type = 'OUTCOME') AS outcome_budgets,"
                + " count(*) FILTER (WHERE entity_type IS DISTINCT FROM 'OUTCOME') AS output_budgets,"
                + " sum(planned_usd) AS planned, sum(actual_usd) AS actual, sum(expenses_usd) AS expenses,"
                + " sum(computed_shortfall) AS shortfall,"
                + " sum(actual_usd) FILTER (WHERE planned_usd IS NOT NULL) AS funded,"
                + " sum(planned_usd) FILTER (WHERE actual_usd IS NOT NULL) AS planned_funded,"
                + " sum(expenses_usd) FILTER (WHERE actual_usd IS NOT NULL) AS spent,"
                + " sum(actual_usd) FILTER (WHERE expenses_usd IS NOT NULL) AS actual_spent,"
                + " count(*) FILTER (WHERE over_spend) AS over_spends,"
                + " count(*) FILTER (WHERE shortfall_mismatch) AS mismatches"
                + " FROM (" + counted + ") AS counted" + filter.where() + " GROUP BY office, reporting_year";
        return Paged.query(pool, query, filter, "office, reporting_year", paging.page, paging.size, row ->
                new BudgetOfficeSummary(row.getString("office"), row.getInteger("reporting_year"),
                        row.getLong("outcome_budgets"), row.getLong("output_budgets"), Sql.plain(row, "planned"),
                        Sql.plain(row, "actual"), Sql.plain(row, "expenses"), Sql.plain(row, "shortfall"),
                        strip(BudgetUtilisation.rate(row.getBigDecimal("funded"), row.getBigDecimal("planned_funded"))),
                        strip(BudgetUtilisation.rate(row.getBigDecimal("spent"), row.getBigDecimal("actual_spent"))),
                        row.getLong("over_spends"), row.getLong("mismatches")));
    }

    static BudgetRow row(Row row) {
        return new BudgetRow(row.getString("id"), row.getString("entity_id"), row.getString("entity_type"),
                row.getString("outcome_id"), row.getString("office"), row.getInteger("reporting_year"),
                Sql.plain(row, "planned_usd"), row.getString("planned_shown"), Sql.plain(row, "actual_usd"),
                row.getString("actual_shown"), Sql.plain(row, "expenses_usd"), row.getString("expenses_shown"),
                Sql.plain(row, "funding_rate"), Sql.plain(row, "delivery_rate"), Sql.plain(row, "computed_shortfall"),
                Sql.plain(row, "stated_shortfall_usd"), row.getString("stated_shortfall_shown"),
                Sql.plain(row, "shortfall_tolerance"), row.getBoolean("shortfall_mismatch"), row.getBoolean("over_spend"),
                row.getString("document_id"), row.getString("document_name"));
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
