package org.resultsflow.reporting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.store.ExportQueries;

/**
 * Whole reports as files: every matching row, streamed as the client reads it (a workbook: as it is written), with
 * no page cap; the CSV, NDJSON and workbook writers format the same rows of one query. The rows are
 * those of the paged lists, in key order (indicator id, year, sequence) so that an export resumes with
 * {@code afterIndicator}, {@code afterYear} and {@code afterSequence} set to the last row received.
 */
@Path("/api/reports/export")
@Tag(name = "exports", description = "Every row of a report as CSV, NDJSON or an Excel workbook, without a page cap and resumable")
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String RESUME = "Rows in indicator id, year and sequence order; to resume an export that broke "
            + "off, pass the indicatorId, year and sequence of the last row received as afterIndicator, afterYear and "
            + "afterSequence. Streamed from a database cursor: memory does not grow with the size of the report.";
    private static final String WORKBOOK = "The workbook is built in a temporary file (100 rows in memory at a time) and "
            + "sent once complete; beyond 1,048,576 rows a sheet continues on the next, with its own header row. ";

    private final ExportQueries exports;
    private final CsvBodyWriter csv;
    private final WorkbookWriter workbooks;

    public ExportResource(ExportQueries exports, ObjectMapper json) {
        this.exports = exports;
        this.csv = new CsvBodyWriter(json);
        this.workbooks = new WorkbookWriter(csv);
    }

    @GET
    @Path("/milestone-attainment.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every milestone attainment row as CSV", description = "The columns of /api/reports/milestone-attainment. " + RESUME)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Multi<String> attainmentCsv(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return csv(AttainmentRow.class, exports.attainment(office, outcome, year, after(afterIndicator, afterYear, afterSequence)));
    }

    @GET
    @Path("/milestone-attainment.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "Every milestone attainment row as NDJSON", description = "One JSON object a line, as in /api/reports/milestone-attainment. " + RESUME)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<AttainmentRow> attainmentNdjson(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return exports.attainment(office, outcome, year, after(afterIndicator, afterYear, afterSequence));
    }

    @GET
    @Path("/milestone-attainment.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every milestone attainment row as an Excel workbook", description = "The rows and columns of "
            + "milestone-attainment.csv on a sheet with a header row; numbers are numeric cells. " + WORKBOOK + RESUME)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response attainmentXlsx(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return workbook("milestone-attainment", AttainmentRow.class,
                exports.attainment(office, outcome, year, after(afterIndicator, afterYear, afterSequence)));
    }

    @GET
    @Path("/progress.csv")
    @Produces(CsvBodyWriter.TEXT_CSV)
    @Operation(summary = "Every progress-toward-target row as CSV", description = "The columns of /api/reports/progress. " + RESUME)
    @APIResponse(responseCode = "200", description = "A header row, then every matching row", content = @Content(mediaType = CsvBodyWriter.TEXT_CSV))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Multi<String> progressCsv(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return csv(ProgressRow.class, exports.progress(office, outcome, year, after(afterIndicator, afterYear, afterSequence)));
    }

    @GET
    @Path("/progress.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "Every progress-toward-target row as NDJSON", description = "One JSON object a line, as in /api/reports/progress. " + RESUME)
    @APIResponse(responseCode = "200", description = "Every matching row", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ProgressRow> progressNdjson(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return exports.progress(office, outcome, year, after(afterIndicator, afterYear, afterSequence));
    }

    @GET
    @Path("/progress.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every progress-toward-target row as an Excel workbook", description = "The rows and columns of "
            + "progress.csv on a sheet with a header row; numbers are numeric cells. " + WORKBOOK + RESUME)
    @APIResponse(responseCode = "200", description = "A workbook of every matching row", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "A filter or resume key is invalid",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public Response progressXlsx(@Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "Resume after this indicator id") @QueryParam("afterIndicator") String afterIndicator,
            @Parameter(description = "… and year") @QueryParam("afterYear") Integer afterYear,
            @Parameter(description = "… and sequence") @QueryParam("afterSequence") Integer afterSequence) {
        return workbook("progress", ProgressRow.class,
                exports.progress(office, outcome, year, after(afterIndicator, afterYear, afterSequence)));
    }

    /** The resume key: all three parts or none. */
    private static ExportQueries.After after(String indicator, Integer year, Integer sequence) {
        if (indicator == null && year == null && sequence == null) {
            return null;
        }
        if (indicator == null || indicator.isBlank() || year == null || sequence == null) {
            throw new BadRequestException("afterIndicator, afterYear and afterSequence go together: give all three or none");
        }
        return new ExportQueries.After(indicator, year, sequence);
    }

    private Response workbook(String name, Class<?> type, Multi<?> rows) {
        return Response.ok(workbooks.workbook(name, type, rows), WorkbookWriter.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
    }

    private Multi<String> csv(Class<?> type, Multi<?> rows) {
        try {
            String header = csv.header(type);
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(header), rows.map(row -> {
                try {
                    return csv.line(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
