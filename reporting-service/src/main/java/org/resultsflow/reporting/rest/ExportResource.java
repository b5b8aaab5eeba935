package org.resultsflow.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.contracts.export.ExportStreams;
import org.resultsflow.contracts.export.RecordColumns;
import org.resultsflow.contracts.export.WorkbookWriter;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.store.ExportQueries;
import org.resultsflow.reporting.store.FundingContribution;

/**
 * Whole reports as files: every matching row, streamed as the client reads it (a workbook: as it is written), with
 * no page cap; the CSV, NDJSON and workbook writers format the same rows of one query. The rows are those of the
 * paged lists, in the order of their key, so that an export resumes after the key of the last row received.
 */
@Path("/api/reports/export")
@Tag(name = "exports", description = "Every row of a report as CSV, NDJSON or an Excel workbook, without a page cap and resumable")
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String STREAMED = " Streamed from a database cursor: memory does not grow with the size of the report.";
    private static final String BY_INDICATOR = "Rows in indicator id, year and sequence order; to resume an export that broke "
            + "off, pass the indicatorId, year and sequence of the last row received as afterIndicator, afterYear and "
            + "afterSequence." + STREAMED;
    private static final String BY_BUDGET = "Rows in id order; to resume an export that broke off, pass the id of the last "
            + "row received as afterId." + STREAMED;
    private static final String BY_CONTRIBUTION = "Rows in outcome id, partner, year and sequence order; to resume an "
            + "export that broke off, pass the outcomeId, partner, year and sequence of the last row received as "
            + "afterOutcome, afterPartner, afterYear and afterSequence. Each contribution keeps its amount in its own "
            + "currency (totalAmount, totalCurrency, totalValueDate); total is the US-dollar figure, null for another "
            + "currency." + STREAMED;
    private static final String CSV = "A header row of the field names, then every matching row. ";
    private static final String LINES = "One JSON object a line. ";
    private static final String WORKBOOK = "The rows and columns of the CSV export on a sheet with a header row; numbers are "
            + "numeric cells. The workbook is built in a temporary file (100 rows in memory at a time) and sent once "
            + "complete; beyond 1,048,576 rows a sheet continues on the next, with its own header row. ";

    private final ExportQueries exports;
    private final RecordColumns columns;
    private final WorkbookWriter workbooks;

    public ExportResource(ExportQueries exports, ObjectMapper json) {
        this.exports = exports;
        this.columns = new RecordColumns(json);
        this.workbooks = new WorkbookWriter(columns);
    }

    @GET
    @Path("/milestone-attainment.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every milestone attainment row as CSV", description = CSV + "The fields of "
            + "/api/reports/milestone-attainment. " + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> attainmentCsv(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return csv(AttainmentRow.class, attainment(filter, after));
    }

    @GET
    @Path("/milestone-attainment.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every milestone attainment row as NDJSON", description = LINES + "As in "
            + "/api/reports/milestone-attainment. " + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<AttainmentRow> attainmentNdjson(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return attainment(filter, after);
    }

    @GET
    @Path("/milestone-attainment.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every milestone attainment row as an Excel workbook", description = WORKBOOK + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response attainmentXlsx(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return workbook("milestone-attainment", AttainmentRow.class, attainment(filter, after));
    }

    @GET
    @Path("/progress.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every progress-toward-target row as CSV", description = CSV + "The fields of "
            + "/api/reports/progress. " + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> progressCsv(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return csv(ProgressRow.class, progress(filter, after));
    }

    @GET
    @Path("/progress.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every progress-toward-target row as NDJSON", description = LINES + "As in /api/reports/progress. "
            + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<ProgressRow> progressNdjson(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return progress(filter, after);
    }

    @GET
    @Path("/progress.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every progress-toward-target row as an Excel workbook", description = WORKBOOK + BY_INDICATOR)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response progressXlsx(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.IndicatorYear after) {
        return workbook("progress", ProgressRow.class, progress(filter, after));
    }

    @GET
    @Path("/budget-utilisation.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every budget utilisation row as CSV", description = CSV + "The fields of "
            + "/api/reports/budget-utilisation. " + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> budgetsCsv(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Budget after) {
        return csv(BudgetRow.class, budgets(filter, after));
    }

    @GET
    @Path("/budget-utilisation.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every budget utilisation row as NDJSON", description = LINES + "As in "
            + "/api/reports/budget-utilisation. " + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<BudgetRow> budgetsNdjson(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Budget after) {
        return budgets(filter, after);
    }

    @GET
    @Path("/budget-utilisation.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every budget utilisation row as an Excel workbook", description = WORKBOOK + BY_BUDGET)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response budgetsXlsx(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Budget after) {
        return workbook("budget-utilisation", BudgetRow.class, budgets(filter, after));
    }

    @GET
    @Path("/funding.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every funding contribution as CSV", description = CSV + "The fields of /api/reports/funding. "
            + BY_CONTRIBUTION)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> fundingCsv(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Funding after) {
        return csv(FundingContribution.class, funding(filter, after));
    }

    @GET
    @Path("/funding.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every funding contribution as NDJSON", description = LINES + "As in /api/reports/funding. "
            + BY_CONTRIBUTION)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<FundingContribution> fundingNdjson(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Funding after) {
        return funding(filter, after);
    }

    @GET
    @Path("/funding.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every funding contribution as an Excel workbook", description = WORKBOOK + BY_CONTRIBUTION)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response fundingXlsx(@BeanParam ReportFilter filter, @BeanParam ResumeAfter.Funding after) {
        return workbook("funding", FundingContribution.class, funding(filter, after));
    }

    private Multi<AttainmentRow> attainment(ReportFilter filter, ResumeAfter.IndicatorYear after) {
        return exports.attainment(filter.office, filter.outcome, filter.year, after.key());
    }

    private Multi<ProgressRow> progress(ReportFilter filter, ResumeAfter.IndicatorYear after) {
        return exports.progress(filter.office, filter.outcome, filter.year, after.key());
    }

    private Multi<BudgetRow> budgets(ReportFilter filter, ResumeAfter.Budget after) {
        return exports.budgets(filter.office, filter.outcome, filter.year, after.key());
    }

    private Multi<FundingContribution> funding(ReportFilter filter, ResumeAfter.Funding after) {
        return exports.funding(filter.office, filter.outcome, filter.year, after.key());
    }

    private Response workbook(String name, Class<?> type, Multi<?> rows) {
        StreamingOutput body = out -> ExportStreams.workbook(workbooks, name, type, rows, out);
        return Response.ok(body, WorkbookWriter.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
    }

    private Multi<String> csv(Class<?> type, Multi<?> rows) {
        return ExportStreams.csv(columns, type, rows);
    }
}
