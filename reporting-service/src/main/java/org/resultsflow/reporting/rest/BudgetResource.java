package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
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
import org.resultsflow.reporting.store.BudgetOfficeSummary;
import org.resultsflow.reporting.store.BudgetQueries;

@ReadModelAnswer
@Path("/api/reports/budget-utilisation")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "budget utilisation", description = "Planned, actual and expenses of outcomes and outputs: funding and delivery rates, shortfall, over-spend")
public class BudgetResource {

    private final BudgetQueries budgets;

    public BudgetResource(BudgetQueries budgets) {
        this.budgets = budgets;
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
        return Paged.answer(budgets.budgets(office, outcome, year, paging.page, paging.size));
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
        return Paged.answer(budgets.offices(office, year, paging.page, paging.size));
    }
}
