package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

@Path("/api/reports/funding")
@Produces({MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV})
@Tag(name = "funding", description = "Funding partners' contributions to outcomes per year")
public class FundingResource {

    private final Pool pool;

    public FundingResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Operation(summary = "Contributions per outcome, partner and year", description = "JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of contributions",
            headers = @Header(name = Paged.TOTAL, description = "Contributions matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingContribution.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<FundingContribution>>> list(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year of the contribution") @QueryParam("year") Integer year,
            @Valid @BeanParam Lists paging) {
        Sql filter = new Sql().eq("office", Sql.given(office)).outcome("outcome_id", Sql.given(outcome)).eq("year", year);
        return Paged.query(pool, "SELECT office, outcome_id, partner, partner_type, year, total_usd, total_shown,"
                        + " development_usd, humanitarian_usd, development_share, humanitarian_share"
                        + " FROM report_funding_contribution" + filter.where(), filter,
                "office, outcome_id, year, total_usd DESC NULLS LAST, partner", paging.page, paging.size,
                row -> new FundingContribution(row.getString("office"), row.getString("outcome_id"),
                        row.getString("partner"), row.getString("partner_type"), row.getInteger("year"),
                        Sql.plain(row, "total_usd"), row.getString("total_shown"), Sql.plain(row, "development_usd"),
                        Sql.plain(row, "humanitarian_usd"), Sql.plain(row, "development_share"),
                        Sql.plain(row, "humanitarian_share")));
    }

    @GET
    @Path("/totals")
    @Operation(summary = "Contributions summed per outcome or office, and year", description = "JSON or CSV.")
    @APIResponse(responseCode = "200", description = "One page of totals",
            headers = @Header(name = Paged.TOTAL, description = "Totals matching the filters, all pages"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingTotal.class, type = SchemaType.ARRAY)),
                    @Content(mediaType = CsvBodyWriter.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "A filter, groupBy or paging parameter is invalid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<FundingTotal>>> totals(
            @Parameter(description = "Office, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id or code") @QueryParam("outcome") String outcome,
            @Parameter(description = "Year of the contributions") @QueryParam("year") Integer year,
            @Parameter(description = "outcome or office") @QueryParam("groupBy") @DefaultValue("outcome") String groupBy,
            @Valid @BeanParam Lists paging) {
        String by = groupBy.strip().toLowerCase(Locale.ROOT);
        String keys = switch (by) {
            case "outcome" -> "office, outcome_id";
            case "office" -> "office";
            default -> throw new BadRequestException("groupBy must be outcome or office, not '" + groupBy + "'");
        };
        Sql filter = new Sql().eq("office", Sql.given(office)).outcome("outcome_id", Sql.given(outcome)).eq("year", year);
        String query = "SELECT " + keys + (by.equals("office") ? ", NULL::text AS outcome_id" : "")
                + ", year, count(DISTINCT partner) AS partners, sum(total_usd) AS total"
                + " FROM report_funding_contribution" + filter.where() + " GROUP BY " + keys + ", year";
        return Paged.query(pool, query, filter, "office, outcome_id NULLS FIRST, year", paging.page, paging.size,
                row -> new FundingTotal(by, row.getString("office"), row.getString("outcome_id"), row.getInteger("year"),
                        row.getLong("partners"), Sql.plain(row, "total")));
    }
}
