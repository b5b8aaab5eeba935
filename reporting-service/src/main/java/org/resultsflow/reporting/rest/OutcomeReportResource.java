package org.resultsflow.reporting.rest;

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
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.reporting.repository.ProgressNoteRepository;
import org.resultsflow.reporting.repository.ReportOutcome;
import org.resultsflow.reporting.repository.ReportOutcomeRepository;
import org.resultsflow.reporting.repository.ReportProgressNote;

@Path("/api/reports/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outcomes", description = "Outcomes and their progress timelines")
public class OutcomeReportResource {

    private final ReportOutcomeRepository outcomes;
    private final ProgressNoteRepository notes;

    public OutcomeReportResource(ReportOutcomeRepository outcomes, ProgressNoteRepository notes) {
        this.outcomes = outcomes;
        this.notes = notes;
    }

    @GET
    @Operation(summary = "Outcomes with their progress notes", description = "In id order, one page at a time.")
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

    private static OutcomeReport report(ReportOutcome outcome, List<ReportProgressNote> notes) {
        return new OutcomeReport(outcome.id, outcome.code, outcome.office, outcome.planPeriod, outcome.statement,
                outcome.version,
                notes.stream().map(n -> new OutcomeReport.ProgressEntry(n.key.year(), n.status, n.firstSentence, n.text,
                        n.documentId, n.documentName)).toList());
    }
}
