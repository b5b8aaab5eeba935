package org.resultsflow.catalog.rest;

import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.errors.ApiError;

@Path("/api/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budgets", description = "Canonical budgets of outcomes and outputs per reporting year")
public class BudgetResource {

    private final CanonicalRecordRepository records;
    private final Json json;

    public BudgetResource(CanonicalRecordRepository records, Json json) {
        this.records = records;
        this.json = json;
    }

    @GET
    @Operation(summary = "List canonical budgets", description = "In id (<entityId>/<reportingYear>) order, one page at a time. Each figure "
            + "with its provenance; where documents gave another amount for a figure, it is listed with its own "
            + "provenance in conflicts.")
    @APIResponse(responseCode = "200", headers = @Header(name = Totals.TOTAL, description = "Items matching the filters, all pages"), content = @Content(schema = @Schema(implementation = CatalogBudget.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<CatalogBudget>>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id") @QueryParam("outcome") String outcome,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Totals.answer(records.list(RecordType.BUDGET, Json.blankToNull(office), null, Json.blankToNull(outcome),
                        Page.of(page, size)).map(found -> found.stream().map(r -> json.read(r, CatalogBudget.class)).toList()),
                () -> records.count(RecordType.BUDGET, Json.blankToNull(office), null, Json.blankToNull(outcome)));
    }
}
