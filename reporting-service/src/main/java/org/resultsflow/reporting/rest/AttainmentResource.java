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
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.store.AttainmentQueries;
import org.resultsflow.reporting.store.AttainmentSummary;
import org.resultsflow.reporting.store.Grouping;

@ReadModelAnswer
@Path("/api/reports/milestone-attainment")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "milestone attainment", description = "Each indicator's result per year against its milestone, or the target in the target year")
public class AttainmentResource {

    private final AttainmentQueries attainment;

    public AttainmentResource(AttainmentQueries attainment) {
        this.attainment = attainment;
    }

    @GET
    @Operation(summary = "Milestone attainment per indicator, year and sequence",
            description = "One row per indicator, year and sequence (several milestones of one year) that has a "
                    + "result, a milestone or a target. JSON or CSV (Accept: text/csv); ordered by office, outcome, "
                    + "output, indicator, year, sequence. Direction: declared by the source when it says so, else "
                    + "DECREASING when the target (with no numeric target: the last milestone) is below the baseline, "
                    + "INCREASING when above, UNKNOWN otherwise; directionRule says which. Increasing or unknown: "
                    + "ratio = R ÷ M, MET when R ≥ met-threshold × M. Decreasing: ratio = (B − R) ÷ (B − M), MET when "
                    + "ratio ≥ met-threshold (with 1.0: R ≤ M); a milestone at or above the baseline gives no ratio, "
                    + "MET when R ≤ M, reason MILESTONE_AT_BASELINE or MILESTONE_ABOVE_BASELINE.")
    @APIResponse(responseCode = "200", description = "One page of rows",
            headers = @Header(name = Paged.TOTAL, description = "Rows matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttainmentRow.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<AttainmentRow>>> list(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code, e.g. MEX_D_2.1") @QueryParam("outcome") String outcome,
            @Parameter(description = "Output code, e.g. MEX_D_2.1.3") @QueryParam("output") String output,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "MET, PARTIAL, NOT_MET or NOT_ASSESSABLE") @QueryParam("status") String status,
            @Valid @BeanParam Lists paging) {
        return Paged.answer(attainment.rows(office, outcome, output, year, status(status), paging.page, paging.size));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Milestone attainment rolled up per output, outcome or office, and year",
            description = "Counts per status, attainment rate = MET ÷ assessable, and the unweighted mean of "
                    + "the ratio capped to [0, 1] over the assessable numeric rows with a ratio. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of roll-ups",
            headers = @Header(name = Paged.TOTAL, description = "Roll-ups matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttainmentSummary.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, groupBy or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<AttainmentSummary>>> summary(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "output, outcome or office") @QueryParam("groupBy") @DefaultValue("outcome") String groupBy,
            @Valid @BeanParam Lists paging) {
        return Paged.answer(attainment.summary(grouping(groupBy), office, outcome, year, paging.page, paging.size));
    }

    /** The groupBy parameter of a roll-up. */
    static Grouping grouping(String groupBy) {
        return switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
            case "office" -> Grouping.OFFICE;
            case "outcome" -> Grouping.OUTCOME;
            case "output" -> Grouping.OUTPUT;
            default -> throw new BadRequestException("groupBy must be output, outcome or office, not '" + groupBy + "'");
        };
    }

    /** The status filter as the enum; null when not given. */
    private static AttainmentStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String name = status.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(AttainmentStatus.values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadRequestException("status must be one of "
                        + Arrays.toString(AttainmentStatus.values()) + ", not '" + status + "'"));
    }
}
