package org.resultsflow.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.contracts.catalog.CatalogOutcome;

@Path("/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outcomes", description = "Canonical outcomes with their outputs and progress notes")
public class OutcomeResource {

    private final CanonicalRecordRepository records;
    private final ObjectMapper json;

    public OutcomeResource(CanonicalRecordRepository records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @GET
    @Operation(summary = "List canonical outcomes", description = "In id order, one page at a time.")
    public Uni<List<CatalogOutcome>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Plan period, e.g. 2020-2025") @QueryParam("planPeriod") String planPeriod,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return records.list(ClaimMapper.OUTCOME, blankToNull(office), blankToNull(planPeriod), Page.of(page, size))
                .map(found -> found.stream().map(this::outcome).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canonical outcome, with the provenance of every value")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogOutcome.class)))
    @APIResponse(responseCode = "404", description = "No such outcome")
    public Uni<CatalogOutcome> get(@PathParam("id") String id) {
        return records.find(ClaimMapper.OUTCOME, id).map(record -> {
            if (record == null) {
                throw new NotFoundException("No outcome with id " + id);
            }
            return outcome(record);
        });
    }

    private CatalogOutcome outcome(CanonicalRecord record) {
        try {
            return json.readValue(record.state, CatalogOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical state of " + record.key + " is unreadable", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
