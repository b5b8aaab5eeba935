package org.resultsflow.catalog.rest;

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
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.errors.ApiError;

@Path("/api/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "conflicts", description = "Observations for which documents gave different known values")
public class ConflictResource {

    private final CanonicalRecordRepository records;
    private final Json json;

    public ConflictResource(CanonicalRecordRepository records, Json json) {
        this.records = records;
        this.json = json;
    }

    @GET
    @Operation(summary = "List conflicting observations",
            description = "Each observation whose documents gave different known values: the canonical value (later "
                    + "as-of, then larger document id) and the others, in indicator id, year (none first), kind and sequence order.")
    @APIResponse(responseCode = "200", headers = @Header(name = Totals.TOTAL, description = "Items matching the filters, all pages"), content = @Content(schema = @Schema(implementation = Views.Conflict.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<Views.Conflict>>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id") @QueryParam("outcome") String outcome,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Totals.answer(records.conflicts(Json.blankToNull(office), Json.blankToNull(outcome), page, size).map(found -> found.stream()
                .map(row -> {
                    CatalogObservation o = json.read(row.observation(), CatalogObservation.class);
                    return new Views.Conflict(row.indicatorId(), row.code(), row.outcomeId(), row.parentId(), o.year(),
                            o.kind(), o.sequence(), o.value(), o.provenance(), o.conflicts());
                }).toList()), () -> records.countConflicts(Json.blankToNull(office), Json.blankToNull(outcome)));
    }
}
