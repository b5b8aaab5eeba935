package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.reporting.store.OutcomeQueries;
import org.resultsflow.reporting.store.OutcomeReport;

@ReadModelAnswer
@Path("/api/reports/outcomes")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "outcomes", description = "Outcomes and their progress timelines")
public class OutcomeReportResource {

    private final OutcomeQueries outcomes;

    public OutcomeReportResource(OutcomeQueries outcomes) {
        this.outcomes = outcomes;
    }

    @GET
    @Operation(summary = "Outcomes with their progress notes",
            description = "In id order, one page at a time. JSON or CSV (the notes of an outcome as JSON in one field).")
    @APIResponse(responseCode = "200", description = "One page of outcomes",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeReport.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<List<OutcomeReport>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return outcomes.withTimelines(office, page, size);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "The progress timeline of an outcome",
            description = "One entry per note of the outcome and of its outputs: the note's status class, its first "
                    + "sentence, its text and the document it came from; oldest first, notes with no year last. The outcome by id or code (MEX_D_2.1). JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of the timeline",
            headers = @Header(name = Paged.TOTAL, description = "Entries of the timeline, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeReport.ProgressEntry.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "404", description = "No such outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<OutcomeReport.ProgressEntry>>> progress(
            @Parameter(description = "Outcome id or code") @PathParam("id") String id, @Valid @BeanParam Lists paging) {
        return outcomes.find(id).chain(found -> {
            if (found == null) {
                throw new NotFoundException("no outcome '" + id + "' in the read models");
            }
            return Paged.answer(outcomes.timeline(found.id(), paging.page, paging.size));
        });
    }
}
