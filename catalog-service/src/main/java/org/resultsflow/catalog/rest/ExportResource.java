package org.resultsflow.catalog.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.resultsflow.catalog.repository.BudgetRow;
import org.resultsflow.catalog.repository.ConflictRow;
import org.resultsflow.catalog.repository.DocumentRow;
import org.resultsflow.catalog.repository.IndicatorRow;
import org.resultsflow.catalog.repository.ListExport;
import org.resultsflow.catalog.repository.ObservationExport;
import org.resultsflow.catalog.repository.ObservationRow;
import org.resultsflow.catalog.repository.OutcomeRow;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.contracts.export.ExportStreams;
import org.resultsflow.contracts.export.RecordColumns;
import org.resultsflow.contracts.export.WorkbookWriter;

/**
 * The catalog without a page cap: every canonical observation in long format (one a row, with its indicator,
 * outcome, office, value and provenance), and every item of the paged lists (outcomes, indicators, budgets,
 * conflicts, documents) one a row, with the list's filters and in its order. Each as CSV, NDJSON or an Excel
 * workbook, the same rows of one query in every format, streamed from a database cursor and resumable after the key
 * of the last row received, with the column and cursor rules of reporting's exports (the contracts' export
 * package). Open, as the catalog's other reads are.
 */
@Path("/api/export")
@Tag(name = "exports", description = "The catalog's observations in long format and its lists, one item a row, as CSV, "
        + "NDJSON or an Excel workbook, without a page cap and resumable")
public class ExportResource {

    static final String TEXT_CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private static final String CSV = "A header row of the column names, then one row per item. ";
    private static final String LINES = "One JSON object a line, its fields the CSV export's columns. ";
    private static final String WORKBOOK = "The rows and columns of the CSV export on a sheet with a header row; "
            + "numbers are numeric cells. The workbook is built in a temporary file (100 rows in memory at a time) and "
            + "sent once complete; beyond 1,048,576 rows a sheet continues on the next, with its own header row. ";
    private static final String STREAMED = " Streamed from a database cursor: memory does not grow with the size of the "
            + "catalog. Lists (JSON arrays) are JSON in one CSV field; an empty field is no value.";

    private static final String OBSERVATIONS = "One row per canonical observation: indicatorId, position (its place among "
            + "the indicator's observations), indicatorCode, statement, outcomeId, outputCode, office, kind (BASELINE, "
            + "MILESTONE, TARGET, RESULT), year (empty when none is printed), sequence, periodStart, periodEnd, "
            + "dimensions (JSON), value (the token as the document shows it), printedAs (when the page printed it "
            + "twice), number (for numbers and percentages), valueType and measure (the unit), then the provenance: "
            + "documentId, documentName, source, firstLine, lastLine, asOf, asOfBasis, and how many conflicting values "
            + "other documents gave. ";
    private static final String BY_OBSERVATION = "Rows in indicator id and position order; to resume an export that broke "
            + "off, pass the indicatorId and position of the last row received as afterIndicator and afterPosition."
            + STREAMED;

    private static final String OUTCOMES = "One row per outcome of /api/outcomes: outcomeId, code, office, planPeriod, "
            + "statement, description, sdgAlignment, impactAreas and unSystemFunctions (JSON lists), policyMarker, "
            + "humanitarianScope, outputs and progressNotes (how many; /api/outcomes/{id} gives them), then where the "
            + "statement was read: documentId, documentName, source, firstLine, lastLine, asOf, asOfBasis. ";
    private static final String INDICATORS = "One row per indicator of /api/indicators (merged codeless twins are "
            + "aliases, not rows): indicatorId, indicatorCode, statement, normalisedStatement, outcomeId, outputCode, "
            + "parentId (output code, or outcome id for an indicator of the outcome), office, measure (an IATI unit), "
            + "ascending (a declared direction), tags and aliases (JSON lists), observations (how many; the "
            + "observations export gives them) and conflicts (how many of them conflict), then where the statement was "
            + "read: documentId, documentName, source, firstLine, lastLine, asOf, asOfBasis. ";
    private static final String BUDGETS = "One row per budget of /api/budgets: budgetId (<entityId>/<reportingYear>), "
            + "entityId, entityType (OUTCOME, OUTPUT), outcomeId, office, reportingYear, then for each amount (planned, "
            + "actual, expenses, statedShortfall, core, nonCore) eight columns: <amount>Raw (as shown), <amount>Usd "
            + "(when shown in US dollars), <amount>Currency and <amount>Amount (a named currency and the amount in it, "
            + "never converted), <amount>ValueDate, and where it was read, <amount>DocumentId, <amount>FirstLine, "
            + "<amount>LastLine; then flows (how many IATI budgets, disbursements and transactions the year keeps) and "
            + "conflicts (how many amounts other documents gave differently; /api/budgets lists them with their "
            + "provenance). ";
    private static final String CONFLICTS = "One row per observation of /api/conflicts (documents gave it different known "
            + "values): indicatorId, position, indicatorCode, outcomeId, parentId, office, year, kind, sequence, the "
            + "canonical value (value, printedAs, number, valueType) and where it came from (documentId, documentName, "
            + "source, firstLine, lastLine, asOf, asOfBasis), then otherValueCount and otherValues: the other values, "
            + "each with value, number, valueType, documentId, documentName, firstLine, lastLine, asOf (a JSON list). ";
    private static final String DOCUMENTS = "One row per document of /api/documents: documentId, name, mediaType, layout, "
            + "asOf, asOfBasis, source, firstSeenAt and claims (how many values it gave). ";
    private static final String RESUME = " order; to resume an export that broke off, pass the ";
    private static final String BY_OUTCOME = "Rows in outcome id" + RESUME + "outcomeId of the last row received as "
            + "afterOutcome." + STREAMED;
    private static final String BY_INDICATOR = "Rows in indicator id" + RESUME + "indicatorId of the last row received as "
            + "afterIndicator." + STREAMED;
    private static final String BY_BUDGET = "Rows in budget id" + RESUME + "budgetId of the last row received as "
            + "afterBudget." + STREAMED;
    private static final String BY_DOCUMENT = "Rows in document id" + RESUME + "documentId of the last row received as "
            + "afterDocument." + STREAMED;

    /** Only a key of two parts can be bad: half of it, or a position that is no whole number. */
    private static final String BAD_KEY = "The resume key is incomplete, or its position is no whole number";

    /** What the observation, indicator, budget and conflict exports take, as their lists do; blank is no filter. */
    public static class Scope {

        @QueryParam("office")
        @Parameter(description = "Office, e.g. MEX")
        public String office;

        @QueryParam("outcome")
        @Parameter(description = "Outcome id, e.g. XM-DAC-41146-MEX_D_2.1")
        public String outcome;

        String office() {
            return Json.blankToNull(office);
        }

        String outcome() {
            return Json.blankToNull(outcome);
        }
    }

    /** What the outcome export takes, as /api/outcomes does; blank is no filter. */
    public static class OutcomeScope {

        @QueryParam("office")
        @Parameter(description = "Office, e.g. MEX")
        public String office;

        @QueryParam("planPeriod")
        @Parameter(description = "Plan period, e.g. 2020-2025")
        public String planPeriod;
    }

    private final ObservationExport observations;
    private final ListExport lists;
    private final RecordColumns columns;
    private final WorkbookWriter workbooks;

    public ExportResource(ObservationExport observations, ListExport lists, ObjectMapper json) {
        this.observations = observations;
        this.lists = lists;
        this.columns = new RecordColumns(json);
        this.workbooks = new WorkbookWriter(columns);
    }

    @GET
    @Path("/observations.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every canonical observation as CSV", description = CSV + OBSERVATIONS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "A header row, then every matching observation", content = @Content(mediaType = TEXT_CSV))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> observationsCsv(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return ExportStreams.csv(columns, ObservationRow.class, observations(scope, after));
    }

    @GET
    @Path("/observations.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every canonical observation as NDJSON", description = LINES + OBSERVATIONS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "Every matching observation", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<ObservationRow> observationsNdjson(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return observations(scope, after);
    }

    @GET
    @Path("/observations.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every canonical observation as an Excel workbook", description = WORKBOOK + OBSERVATIONS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "A workbook of every matching observation", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response observationsXlsx(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return workbook("observations", ObservationRow.class, observations(scope, after));
    }

    @GET
    @Path("/outcomes.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every canonical outcome as CSV", description = CSV + OUTCOMES + BY_OUTCOME)
    @APIResponse(responseCode = "200", description = "A header row, then every matching outcome", content = @Content(mediaType = TEXT_CSV))
    public Multi<String> outcomesCsv(@BeanParam OutcomeScope scope, @BeanParam ResumeAfter.Outcome after) {
        return ExportStreams.csv(columns, OutcomeRow.class, outcomes(scope, after));
    }

    @GET
    @Path("/outcomes.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every canonical outcome as NDJSON", description = LINES + OUTCOMES + BY_OUTCOME)
    @APIResponse(responseCode = "200", description = "Every matching outcome", content = @Content(mediaType = NDJSON))
    public Multi<OutcomeRow> outcomesNdjson(@BeanParam OutcomeScope scope, @BeanParam ResumeAfter.Outcome after) {
        return outcomes(scope, after);
    }

    @GET
    @Path("/outcomes.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every canonical outcome as an Excel workbook", description = WORKBOOK + OUTCOMES + BY_OUTCOME)
    @APIResponse(responseCode = "200", description = "A workbook of every matching outcome", content = @Content(mediaType = WorkbookWriter.XLSX))
    public Response outcomesXlsx(@BeanParam OutcomeScope scope, @BeanParam ResumeAfter.Outcome after) {
        return workbook("outcomes", OutcomeRow.class, outcomes(scope, after));
    }

    @GET
    @Path("/indicators.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every canonical indicator as CSV", description = CSV + INDICATORS + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A header row, then every matching indicator", content = @Content(mediaType = TEXT_CSV))
    public Multi<String> indicatorsCsv(@BeanParam Scope scope, @BeanParam ResumeAfter.Indicator after) {
        return ExportStreams.csv(columns, IndicatorRow.class, indicators(scope, after));
    }

    @GET
    @Path("/indicators.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every canonical indicator as NDJSON", description = LINES + INDICATORS + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "Every matching indicator", content = @Content(mediaType = NDJSON))
    public Multi<IndicatorRow> indicatorsNdjson(@BeanParam Scope scope, @BeanParam ResumeAfter.Indicator after) {
        return indicators(scope, after);
    }

    @GET
    @Path("/indicators.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every canonical indicator as an Excel workbook", description = WORKBOOK + INDICATORS + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A workbook of every matching indicator", content = @Content(mediaType = WorkbookWriter.XLSX))
    public Response indicatorsXlsx(@BeanParam Scope scope, @BeanParam ResumeAfter.Indicator after) {
        return workbook("indicators", IndicatorRow.class, indicators(scope, after));
    }

    @GET
    @Path("/budgets.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every canonical budget as CSV", description = CSV + BUDGETS + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "A header row, then every matching budget", content = @Content(mediaType = TEXT_CSV))
    public Multi<String> budgetsCsv(@BeanParam Scope scope, @BeanParam ResumeAfter.Budget after) {
        return ExportStreams.csv(columns, BudgetRow.class, budgets(scope, after));
    }

    @GET
    @Path("/budgets.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every canonical budget as NDJSON", description = LINES + BUDGETS + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "Every matching budget", content = @Content(mediaType = NDJSON))
    public Multi<BudgetRow> budgetsNdjson(@BeanParam Scope scope, @BeanParam ResumeAfter.Budget after) {
        return budgets(scope, after);
    }

    @GET
    @Path("/budgets.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every canonical budget as an Excel workbook", description = WORKBOOK + BUDGETS + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "A workbook of every matching budget", content = @Content(mediaType = WorkbookWriter.XLSX))
    public Response budgetsXlsx(@BeanParam Scope scope, @BeanParam ResumeAfter.Budget after) {
        return workbook("budgets", BudgetRow.class, budgets(scope, after));
    }

    @GET
    @Path("/conflicts.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every conflicting observation as CSV", description = CSV + CONFLICTS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "A header row, then every matching conflict", content = @Content(mediaType = TEXT_CSV))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> conflictsCsv(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return ExportStreams.csv(columns, ConflictRow.class, conflicts(scope, after));
    }

    @GET
    @Path("/conflicts.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every conflicting observation as NDJSON", description = LINES + CONFLICTS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "Every matching conflict", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<ConflictRow> conflictsNdjson(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return conflicts(scope, after);
    }

    @GET
    @Path("/conflicts.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every conflicting observation as an Excel workbook", description = WORKBOOK + CONFLICTS + BY_OBSERVATION)
    @APIResponse(responseCode = "200", description = "A workbook of every matching conflict", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = BAD_KEY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response conflictsXlsx(@BeanParam Scope scope, @BeanParam ResumeAfter.Observation after) {
        return workbook("conflicts", ConflictRow.class, conflicts(scope, after));
    }

    @GET
    @Path("/documents.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every document seen as CSV", description = CSV + DOCUMENTS + BY_DOCUMENT)
    @APIResponse(responseCode = "200", description = "A header row, then every document", content = @Content(mediaType = TEXT_CSV))
    public Multi<String> documentsCsv(@BeanParam ResumeAfter.Document after) {
        return ExportStreams.csv(columns, DocumentRow.class, lists.documents(after.key()));
    }

    @GET
    @Path("/documents.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every document seen as NDJSON", description = LINES + DOCUMENTS + BY_DOCUMENT)
    @APIResponse(responseCode = "200", description = "Every document", content = @Content(mediaType = NDJSON))
    public Multi<DocumentRow> documentsNdjson(@BeanParam ResumeAfter.Document after) {
        return lists.documents(after.key());
    }

    @GET
    @Path("/documents.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every document seen as an Excel workbook", description = WORKBOOK + DOCUMENTS + BY_DOCUMENT)
    @APIResponse(responseCode = "200", description = "A workbook of every document", content = @Content(mediaType = WorkbookWriter.XLSX))
    public Response documentsXlsx(@BeanParam ResumeAfter.Document after) {
        return workbook("documents", DocumentRow.class, lists.documents(after.key()));
    }

    private Multi<ObservationRow> observations(Scope scope, ResumeAfter.Observation after) {
        return observations.observations(scope.office(), scope.outcome(), after.key());
    }

    private Multi<OutcomeRow> outcomes(OutcomeScope scope, ResumeAfter.Outcome after) {
        return lists.outcomes(Json.blankToNull(scope.office), Json.blankToNull(scope.planPeriod), after.key());
    }

    private Multi<IndicatorRow> indicators(Scope scope, ResumeAfter.Indicator after) {
        return lists.indicators(scope.office(), scope.outcome(), after.key());
    }

    private Multi<BudgetRow> budgets(Scope scope, ResumeAfter.Budget after) {
        return lists.budgets(scope.office(), scope.outcome(), after.key());
    }

    private Multi<ConflictRow> conflicts(Scope scope, ResumeAfter.Observation after) {
        return observations.conflicts(scope.office(), scope.outcome(), after.key());
    }

    /** The rows as a workbook, written on a worker thread as the client reads the response. */
    private Response workbook(String name, Class<?> type, Multi<?> rows) {
        StreamingOutput body = out -> ExportStreams.workbook(workbooks, name, type, rows, out);
        return Response.ok(body, WorkbookWriter.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
    }
}
