package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.reporting.metrics.AttainmentReason;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.ExpectedKind;

@Path("/api/reports/milestone-attainment")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "milestone attainment", description = "Each indicator's result per year against its milestone (DESIGN §6)")
public class AttainmentResource {

    static final String COLUMNS = "indicator_id, year, sequence, indicator_code, statement, outcome_id, output_code, office,"
            + " result_raw, result_type, result_value, expected_kind, expected_raw, expected_type, expected_value, ratio,"
            + " status, reason";

    private final Pool pool;

    public AttainmentResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Milestone attainment per indicator, year and sequence",
            description = "One row per indicator, year and sequence (several milestones of one year) that has a "
                    + "result, a milestone or a target. JSON or CSV (Accept: text/csv); ordered by office, outcome, "
                    + "output, indicator, year, sequence.")
    @APIResponse(responseCode = "200", description = "One page of rows",
            headers = @Header(name = Paged.TOTAL, description = "Rows matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttainmentRow.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)),
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
        Sql filter = new Sql().eq("office", Sql.given(office)).outcome("outcome_id", Sql.given(outcome))
                .eq("output_code", Sql.given(output)).eq("year", year).eq("status", status(status));
        return Paged.query(pool, "SELECT " + COLUMNS + " FROM report_attainment" + filter.where(), filter,
                "office, outcome_id, output_code NULLS FIRST, coalesce(indicator_code, statement), indicator_id, year, sequence",
                paging.page, paging.size, AttainmentResource::row);
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Milestone attainment rolled up per output, outcome or office, and year",
            description = "Counts per status, attainment rate = MET ÷ assessable, and the unweighted mean of "
                    + "min(ratio, 1) over the assessable numeric rows with a ratio. JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of roll-ups",
            headers = @Header(name = Paged.TOTAL, description = "Roll-ups matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttainmentSummary.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, groupBy or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<AttainmentSummary>>> summary(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year") @QueryParam("year") Integer year,
            @Parameter(description = "output, outcome or office") @QueryParam("groupBy") @DefaultValue("outcome") String groupBy,
            @Valid @BeanParam Lists paging) {
        String by = groupBy.strip().toLowerCase(Locale.ROOT);
        String keys = switch (by) {
            case "office" -> "office, NULL::text AS outcome_id, NULL::text AS output_code";
            case "outcome" -> "office, outcome_id, NULL::text AS output_code";
            case "output" -> "office, outcome_id, output_code";
            default -> throw new BadRequestException("groupBy must be output, outcome or office, not '" + groupBy + "'");
        };
        String groupKeys = switch (by) {
            case "office" -> "office";
            case "outcome" -> "office, outcome_id";
            default -> "office, outcome_id, output_code";
        };
        Sql filter = new Sql().eq("office", Sql.given(office)).outcome("outcome_id", Sql.given(outcome)).eq("year", year);
        String query = "SELECT " + keys + ", year,"
                + " count(*) FILTER (WHERE status = 'MET') AS met,"
                + " count(*) FILTER (WHERE status = 'PARTIAL') AS partial,"
                + " count(*) FILTER (WHERE status = 'NOT_MET') AS not_met,"
                + " count(*) FILTER (WHERE status = 'NOT_ASSESSABLE') AS not_assessable,"
                + " round(avg(LEAST(ratio, 1)) FILTER (WHERE ratio IS NOT NULL AND status <> 'NOT_ASSESSABLE'), 6) AS mean_ratio"
                + " FROM report_attainment" + filter.where() + " GROUP BY " + groupKeys + ", year";
        return Paged.query(pool, query, filter, "office NULLS FIRST, outcome_id NULLS FIRST, output_code NULLS FIRST, year",
                paging.page, paging.size, row -> summary(by, row));
    }

    static AttainmentRow row(Row row) {
        return new AttainmentRow(row.getString("indicator_id"), row.getInteger("year"), row.getInteger("sequence"),
                row.getString("indicator_code"),
                row.getString("statement"), row.getString("outcome_id"), row.getString("output_code"),
                row.getString("office"), row.getString("result_raw"), row.getString("result_type"),
                Sql.plain(row, "result_value"), enumValue(ExpectedKind.class, row.getString("expected_kind")),
                row.getString("expected_raw"), row.getString("expected_type"), Sql.plain(row, "expected_value"),
                Sql.plain(row, "ratio"), AttainmentStatus.valueOf(row.getString("status")),
                enumValue(AttainmentReason.class, row.getString("reason")));
    }

    private static AttainmentSummary summary(String groupBy, Row row) {
        long met = row.getLong("met");
        long partial = row.getLong("partial");
        long notMet = row.getLong("not_met");
        long assessable = met + partial + notMet;
        java.math.BigDecimal rate = BudgetUtilisation.rate(java.math.BigDecimal.valueOf(met),
                java.math.BigDecimal.valueOf(assessable));
        return new AttainmentSummary(groupBy, row.getString("office"), row.getString("outcome_id"),
                row.getString("output_code"), row.getInteger("year"), met, partial, notMet, row.getLong("not_assessable"),
                assessable, rate == null ? null : rate.stripTrailingZeros(), Sql.plain(row, "mean_ratio"));
    }

    static String status(String status) {
        String s = Sql.given(status);
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (Arrays.stream(AttainmentStatus.values()).noneMatch(v -> v.name().equals(upper))) {
            throw new BadRequestException("status must be one of " + Arrays.toString(AttainmentStatus.values())
                    + ", not '" + status + "'");
        }
        return upper;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
