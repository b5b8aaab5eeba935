package org.resultsflow.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.repository.ClaimRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.catalog.service.ClaimRanking;
import org.resultsflow.catalog.service.ClaimValues;
import org.resultsflow.catalog.service.Computed;
import org.resultsflow.catalog.service.IndicatorMerge;
import org.resultsflow.catalog.service.ObservationTimeline;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * Indicators with their observations. Ids hold the statement when no document shows a code, so they may
 * contain '/', '#', '?' and spaces: clients URL-encode the id.
 */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "Canonical indicators with their observations, provenance and history")
public class IndicatorResource {

    private final CanonicalRecordRepository records;
    private final ClaimRepository claims;
    private final IndicatorMerge merge;
    private final ClaimValues values;
    private final ObservationTimeline timeline;
    private final CatalogEngine engine;
    private final Json json;

    public IndicatorResource(CanonicalRecordRepository records, ClaimRepository claims, IndicatorMerge merge,
            ClaimValues values, ObservationTimeline timeline, CatalogEngine engine, Json json) {
        this.records = records;
        this.claims = claims;
        this.merge = merge;
        this.values = values;
        this.timeline = timeline;
        this.engine = engine;
        this.json = json;
    }

    @GET
    @Operation(summary = "List canonical indicators", description = "In id order, one page at a time; aliases are not listed.")
    @APIResponse(responseCode = "200", headers = @Header(name = Totals.TOTAL, description = "Items matching the filters, all pages"), content = @Content(schema = @Schema(implementation = CatalogIndicator.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<CatalogIndicator>>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Outcome id") @QueryParam("outcome") String outcome,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Totals.answer(records.list(RecordType.INDICATOR, Json.blankToNull(office), null, Json.blankToNull(outcome),
                        Page.of(page, size)).map(found -> found.stream().map(r -> json.read(r, CatalogIndicator.class)).toList()),
                () -> records.count(RecordType.INDICATOR, Json.blankToNull(office), null, Json.blankToNull(outcome)));
    }

    @GET
    @Path("/{id: .+}/history")
    @WithSession
    @Operation(summary = "Every claim about each observation of an indicator",
            description = "Per year (none first), kind and sequence, every value a document gave (also under an alias), in as-of order, "
                    + "and which one is canonical; and the events of the value: APPEARED (the first known value), CHANGED "
                    + "(a document whose value now stands gave a different one), CONTRADICTED (a document gave a different "
                    + "value that does not stand), CONFIRMED (a document gave the standing value), each with the document, "
                    + "its lines and as-of date. Markers make no event. Observations are paged.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.IndicatorHistory.class)))
    @APIResponse(responseCode = "404", description = "No such indicator", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Views.IndicatorHistory> history(
            @Parameter(description = "Indicator id or alias, URL-encoded") @PathParam("id") String id,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Observations per page, 1 to 500") @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return resolve(id).chain(record -> claims.forRecord(RecordType.INDICATOR, record.parentId).map(all -> {
            IndicatorMerge.History history = merge.history(record.parentId, record.key.recordId(), all);
            List<Views.ObservationHistory> observations = history.observations().stream()
                    .map(o -> new Views.ObservationHistory(o.identity().year(), o.identity().kind(), o.identity().sequence(),
                            o.claims().stream().map(c -> new Views.ClaimEntry(values.read(c, ObservedValue.class), c.known,
                                    ClaimMapper.HEADLINE.equals(c.field), c == o.canonical(), c.subject,
                                    ClaimRanking.provenance(c), c.recordedAt)).toList(), timeline.of(o.claims())))
                    .toList();
            return new Views.IndicatorHistory(history.indicatorId(), history.aliases(), Pages.slice(observations, page, size));
        }));
    }

    @GET
    @Path("/{id: .+}")
    @WithSession
    @Operation(summary = "One canonical indicator with its observations and their provenance",
            description = "An alias (the id a codeless document gave an indicator it was then matched to) answers "
                    + "with the indicator it was merged into. A code alone (MEX_D_2.1.1B) answers with the indicator "
                    + "shown with that code when there is one; when several show it, 409 lists their ids in candidates.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogIndicator.class)))
    @APIResponse(responseCode = "404", description = "No such indicator", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The code is shown for several indicators: their ids in candidates",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<CatalogIndicator> get(@Parameter(description = "Indicator id, alias or code, URL-encoded") @PathParam("id") String id,
            @Parameter(description = "A date (YYYY-MM-DD): the indicator as built from only the documents as of that date "
                    + "or earlier, by the same merge rules; documents with no as-of date are left out")
            @QueryParam("asOf") AsOf asOf) {
        if (asOf == null) {
            return resolve(id).map(record -> json.read(record, CatalogIndicator.class));
        }
        return resolve(id).chain(record -> claims.forRecord(RecordType.INDICATOR, record.parentId).map(all -> {
            // The indicator under its id then, or under a codeless id it went by before its coded twin came.
            CatalogIndicator now = json.read(record, CatalogIndicator.class);
            Set<String> names = new HashSet<>(now.aliases());
            names.add(now.id());
            List<Computed> then = engine.asOf(new ClaimMapper.Group(RecordType.INDICATOR, record.parentId), all, asOf.date());
            return then.stream().filter(c -> c.canonical() instanceof CatalogIndicator)
                    .map(c -> (CatalogIndicator) c.canonical())
                    .filter(i -> names.contains(i.id()))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No document as of " + asOf.date() + " shows indicator " + id));
        }));
    }

    /**
     * The indicator record under this id, following a merged-into key to its target; with no record under it,
     * the one indicator whose code it is (several: {@link AmbiguousLookup}).
     */
    private Uni<CanonicalRecord> resolve(String id) {
        return records.find(RecordType.INDICATOR, id).chain(record -> {
            if (record == null) {
                return records.indicatorsWithCode(id).chain(ids -> {
                    if (ids.isEmpty()) {
                        throw new NotFoundException("No indicator with id or code " + id);
                    }
                    if (ids.size() > 1) {
                        throw new AmbiguousLookup("The code " + id + " is shown for " + ids.size()
                                + " indicators; ask for one of them by id", ids);
                    }
                    return records.find(RecordType.INDICATOR, ids.get(0));
                });
            }
            if (record.mergedInto == null) {
                return Uni.createFrom().item(record);
            }
            return records.find(RecordType.INDICATOR, record.mergedInto).map(target -> {
                if (target == null) {
                    throw new NotFoundException("Indicator " + id + " was merged into " + record.mergedInto + ", which is gone");
                }
                return target;
            });
        });
    }
}
