package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.metrics.ProgressStatus;
import org.resultsflow.reporting.store.ProgressQueries;
import org.resultsflow.reporting.store.ProgressSummary;

@ReadModelAnswer
@Path("/api/reports/progress")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "progress toward target", description = "Each indicator's results against a straight line from its baseline to its end-of-plan target")
public class ProgressResource {

    static final String DEFINITIONS = "With baseline B of year b, target T of year t (the latest numeric target) and "
            + "result R of year y, all of one measure: progress = (R − B) ÷ (T − B) capped to [0, 1] (the same "
            + "formula is (B − R) ÷ (B − T) for a decreasing indicator); expectedProgress = (y − b) ÷ (t − b) capped "
            + "to [0, 1]; pace = progress ÷ expectedProgress; ON_TRACK when pace ≥ on-track (default 0.8), AT_RISK "
            + "when pace ≥ at-risk (default 0.6), else OFF_TRACK. Defined cases: y ≤ b → ON_TRACK, reason "
            + "NOTHING_EXPECTED_YET; T = B → ON_TRACK when R reached T in the indicator's direction, else OFF_TRACK, "
            + "reason TARGET_AT_BASELINE, no progress; no baseline, no target, an undated baseline, a target year not "
            + "after the baseline year or a result of another measure → NOT_ASSESSABLE with the reason.";

    private final ProgressQueries progress;

    public ProgressResource(ProgressQueries progress) {
        this.progress = progress;
    }

    @GET
    @Operation(summary = "Progress toward target per indicator and result",
            description = "One row per indicator result (year, sequence) that shows a value. " + DEFINITIONS
                    + " JSON or CSV; ordered by office, outcome, output, indicator, year, sequence.")
    @APIResponse(responseCode = "200", description = "One page of rows",
            headers = @Header(name = Paged.TOTAL, description = "Rows matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressRow.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<ProgressRow>>> list(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code, e.g. MEX_D_2.1") @QueryParam("outcome") String outcome,
            @Parameter(description = "Output code, e.g. MEX_D_2.1.2") @QueryParam("output") String output,
            @Parameter(description = "Year of the result") @QueryParam("year") Integer year,
            @Parameter(description = "ON_TRACK, AT_RISK, OFF_TRACK or NOT_ASSESSABLE") @QueryParam("status") String status,
            @Valid @BeanParam Lists paging) {
        return Paged.answer(progress.rows(office, outcome, output, year, status(status), paging.page, paging.size));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Progress toward target rolled up per output, outcome or office, and year",
            description = "Counts of indicator results per status, onTrackRate = ON_TRACK ÷ assessable (ON_TRACK + "
                    + "AT_RISK + OFF_TRACK), and the unweighted mean of the capped progress over the assessable rows "
                    + "that have one. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of roll-ups",
            headers = @Header(name = Paged.TOTAL, description = "Roll-ups matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressSummary.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, groupBy or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<ProgressSummary>>> summary(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "output, outcome or office") @QueryParam("groupBy") @DefaultValue("outcome") String groupBy,
            @Valid @BeanParam Lists paging) {
        return Paged.answer(progress.summary(AttainmentResource.grouping(groupBy), office, outcome, year, paging.page,
                paging.size));
    }

    private static ProgressStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String name = status.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ProgressStatus.values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadRequestException("status must be one of "
                        + Arrays.toString(ProgressStatus.values()) + ", not '" + status + "'"));
    }
}
