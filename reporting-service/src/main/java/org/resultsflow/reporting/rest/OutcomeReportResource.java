package org.resultsflow.reporting.rest;

import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.reporting.repository.ProgressNoteRepository;
import org.resultsflow.reporting.repository.ReportOutcome;
import org.resultsflow.reporting.repository.ReportOutcomeRepository;
import org.resultsflow.reporting.repository.ReportProgressNote;

@Path("/api/reports/outcomes")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "outcomes", description = "Outcomes and their progress timelines")
public class OutcomeReportResource {

    private final ReportOutcomeRepository outcomes;
    private final ProgressNoteRepository notes;
    private final Pool pool;

    public OutcomeReportResource(ReportOutcomeRepository outcomes, ProgressNoteRepository notes, Pool pool) {
        this.outcomes = outcomes;
        this.notes = notes;
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Outcomes with their progress notes",
            description = "In id order, one page at a time. JSON or CSV (the notes of an outcome as JSON in one field).")
    public Uni<List<OutcomeReport>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String officeFilter = office == null || office.isBlank() ? null : office.strip();
        return outcomes.list(officeFilter, Page.of(page, size)).chain(found ->
                notes.forOutcomes(found.stream().map(o -> o.id).toList()).map(allNotes -> {
                    Map<String, List<ReportProgressNote>> byOutcome = allNotes.stream()
                            .collect(Collectors.groupingBy(n -> n.key.outcomeId()));
                    return found.stream().map(o -> report(o, byOutcome.getOrDefault(o.id, List.of()))).toList();
                }));
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
        Sql match = new Sql().outcome("id", id.strip());
        return pool.preparedQuery("SELECT id FROM report_outcome" + match.where() + " ORDER BY id LIMIT 1")
                .execute(match.tuple())
                .chain(found -> {
                    if (!found.iterator().hasNext()) {
                        throw new NotFoundException("no outcome '" + id + "' in the read models");
                    }
                    Sql filter = new Sql().eq("outcome_id", found.iterator().next().getString("id"));
                    return Paged.query(pool, "SELECT year, year_basis, sequence, status, first_sentence, text, partial,"
                                    + " output_code, output_statement, document_id, document_name FROM report_progress_note"
                                    + filter.where(), filter, "entry", paging.page, paging.size,
                            row -> new OutcomeReport.ProgressEntry(row.getInteger("year"), row.getString("year_basis"),
                                    row.getInteger("sequence"), row.getString("status"), row.getString("first_sentence"),
                                    row.getString("text"), row.getBoolean("partial"), row.getString("output_code"),
                                    row.getString("output_statement"), row.getString("document_id"),
                                    row.getString("document_name")));
                });
    }

    private static OutcomeReport report(ReportOutcome outcome, List<ReportProgressNote> notes) {
        return new OutcomeReport(outcome.id, outcome.code, outcome.office, outcome.planPeriod, outcome.statement,
                outcome.version,
                notes.stream().map(n -> new OutcomeReport.ProgressEntry(n.year, n.yearBasis, n.sequence, n.status,
                        n.firstSentence, n.text, n.partial, n.outputCode, n.outputStatement, n.documentId,
                        n.documentName)).toList());
    }
}
