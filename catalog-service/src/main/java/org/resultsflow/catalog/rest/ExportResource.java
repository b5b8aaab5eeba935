package org.resultsflow.catalog.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BadRequestException;
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
import org.resultsflow.catalog.repository.ObservationExport;
import org.resultsflow.catalog.repository.ObservationRow;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.contracts.export.ExportStreams;
import org.resultsflow.contracts.export.RecordColumns;
import org.resultsflow.contracts.export.ResumeKey;
import org.resultsflow.contracts.export.WorkbookWriter;

/**
 * The catalog in long format: every canonical observation, one a row, with its indicator, outcome, office, kind,
 * year or period, value as printed and as a number, and its provenance (document, source, line range), as CSV,
 * NDJSON or an Excel workbook, without a page cap and resumable. The same rows of one query in every format, with
 * the columns and cursor rules of reporting's exports (the contracts' export package). Open, as the catalog's
 * other reads are.
 */
@Path("/api/export")
@Tag(name = "exports", description = "Every canonical observation, one a row, as CSV, NDJSON or an Excel workbook, without a page cap and resumable")
public class ExportResource {

    static final String TEXT_CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final String ROWS = "One row per canonical observation: indicatorId, position (its place among the "
            + "indicator's observations), indicatorCode, statement, outcomeId, outputCode, office, kind (BASELINE, "
            + "MILESTONE, TARGET, RESULT), year (empty when none is printed), sequence, periodStart, periodEnd, "
            + "dimensions (JSON), value (the token as the document shows it), printedAs (when the page printed it "
            + "twice), number (for numbers and percentages), valueType and measure (the unit), then the provenance: "
            + "documentId, documentName, source, firstLine, lastLine, asOf, asOfBasis, and how many conflicting values "
            + "other documents gave. ";
    private static final String RESUME = "Rows in indicator id and position order; to resume an export that broke off, "
            + "pass the indicatorId and position of the last row received as afterIndicator and afterPosition. Streamed "
            + "from a database cursor: memory does not grow with the size of the catalog.";

    /** What every observation export takes. */
    public static class Filter {

        @QueryParam("office")
        @Parameter(description = "Office, e.g. MEX")
        public String office;

        @QueryParam("outcome")
        @Parameter(description = "Outcome id, e.g. XM-DAC-41146-MEX_D_2.1")
        public String outcome;

        @QueryParam("afterIndicator")
        @Parameter(description = "Resume after the row of this indicator id, with afterPosition")
        public String afterIndicator;

        @QueryParam("afterPosition")
        @Parameter(description = "… and position")
        public Long afterPosition;

        ResumeKey after() {
            try {
                return ResumeKey.part("afterIndicator", afterIndicator).part("afterPosition", afterPosition).build();
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
    }

    private final ObservationExport observations;
    private final RecordColumns columns;
    private final WorkbookWriter workbooks;

    public ExportResource(ObservationExport observations, ObjectMapper json) {
        this.observations = observations;
        this.columns = new RecordColumns(json);
        this.workbooks = new WorkbookWriter(columns);
    }

    @GET
    @Path("/observations.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every canonical observation as CSV", description = "A header row, then " + ROWS + RESUME)
    @APIResponse(responseCode = "200", description = "A header row, then every matching observation", content = @Content(mediaType = TEXT_CSV))
    @APIResponse(responseCode = "400", description = "The resume key is incomplete or invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<String> csv(@BeanParam Filter filter) {
        return ExportStreams.csv(columns, ObservationRow.class, rows(filter));
    }

    @GET
    @Path("/observations.ndjson")
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every canonical observation as NDJSON", description = "One JSON object a line. " + ROWS + RESUME)
    @APIResponse(responseCode = "200", description = "Every matching observation", content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "The resume key is incomplete or invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<ObservationRow> ndjson(@BeanParam Filter filter) {
        return rows(filter);
    }

    @GET
    @Path("/observations.xlsx")
    @Produces(WorkbookWriter.XLSX)
    @Blocking
    @Operation(summary = "Every canonical observation as an Excel workbook", description = "The rows and columns of "
            + "observations.csv on a sheet with a header row; numbers are numeric cells. The workbook is built in a "
            + "temporary file (100 rows in memory at a time) and sent once complete; beyond 1,048,576 rows a sheet "
            + "continues on the next, with its own header row. " + ROWS + RESUME)
    @APIResponse(responseCode = "200", description = "A workbook of every matching observation", content = @Content(mediaType = WorkbookWriter.XLSX))
    @APIResponse(responseCode = "400", description = "The resume key is incomplete or invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response xlsx(@BeanParam Filter filter) {
        Multi<ObservationRow> rows = rows(filter);
        StreamingOutput body = out -> ExportStreams.workbook(workbooks, "observations", ObservationRow.class, rows, out);
        return Response.ok(body, WorkbookWriter.XLSX).header("Content-Disposition", "attachment; filename=\"observations.xlsx\"")
                .build();
    }

    private Multi<ObservationRow> rows(Filter filter) {
        return observations.observations(Json.blankToNull(filter.office), Json.blankToNull(filter.outcome), filter.after());
    }
}
