package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
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
import org.resultsflow.reporting.store.FundingContribution;
import org.resultsflow.reporting.store.FundingQueries;
import org.resultsflow.reporting.store.FundingTotal;
import org.resultsflow.reporting.store.Grouping;

@ReadModelAnswer
@Path("/api/reports/funding")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "funding", description = "Funding partners' contributions to outcomes per year")
public class FundingResource {

    private final FundingQueries funding;

    public FundingResource(FundingQueries funding) {
        this.funding = funding;
    }

    @GET
    @Operation(summary = "Contributions per outcome, partner, year and sequence", description = "JSON or CSV. Each "
            + "contribution keeps its amount in the currency the document states (totalAmount, totalCurrency, "
            + "totalValueDate), never converted; total is the US-dollar figure, null for another currency. Two "
            + "contributions one document states for one partner and year are two rows (sequence 1 and 2). Per "
            + "outcome and year: US dollars first, then other currencies by code, larger amounts first.")
    @APIResponse(responseCode = "200", description = "One page of contributions",
            headers = @Header(name = Paged.TOTAL, description = "Contributions matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingContribution.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<FundingContribution>>> list(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year of the contribution") @QueryParam("year") Integer year,
            @Valid @BeanParam Lists paging) {
        return Paged.answer(funding.contributions(office, outcome, year, paging.page, paging.size));
    }

    @GET
    @Path("/totals")
    @Operation(summary = "Contributions summed per outcome or office, year and currency", description = "JSON or CSV. "
            + "One row per currency the contributions are stated in, US dollars first: amount is the sum in that "
            + "currency, total the US-dollar sum (equal to amount on the USD row, null on the others); euros are "
            + "never added to dollars and nothing is converted. Contributions shown without a number have a row of "
            + "their own with currency and amount null.")
    @APIResponse(responseCode = "200", description = "One page of totals",
            headers = @Header(name = Paged.TOTAL, description = "Totals matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingTotal.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, groupBy or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<FundingTotal>>> totals(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year of the contributions") @QueryParam("year") Integer year,
            @Parameter(description = "outcome or office") @QueryParam("groupBy") @DefaultValue("outcome") String groupBy,
            @Valid @BeanParam Lists paging) {
        Grouping by = switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
            case "outcome" -> Grouping.OUTCOME;
            case "office" -> Grouping.OFFICE;
            default -> throw new BadRequestException("groupBy must be outcome or office, not '" + groupBy + "'");
        };
        return Paged.answer(funding.totals(by, office, outcome, year, paging.page, paging.size));
    }
}
