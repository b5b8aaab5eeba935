package org.resultsflow.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.resultsflow.catalog.service.Computed;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.errors.ApiError;

@Path("/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outcomes", description = "Canonical outcomes with their outputs, indicators, budgets, funding and progress notes")
public class OutcomeResource {

    private final CanonicalRecordRepository records;
    private final ClaimRepository claims;
    private final CatalogEngine engine;
    private final Json json;

    public OutcomeResource(CanonicalRecordRepository records, ClaimRepository claims, CatalogEngine engine, Json json) {
        this.records = records;
        this.claims = claims;
        this.engine = engine;
        this.json = json;
    }

    @GET
    @Operation(summary = "List canonical outcomes", description = "In id order, one page at a time.")
    @APIResponse(responseCode = "200", headers = @Header(name = Totals.TOTAL, description = "Items matching the filters, all pages"), content = @Content(schema = @Schema(implementation = CatalogOutcome.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<CatalogOutcome>>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Plan period, e.g. 2020-2025") @QueryParam("planPeriod") String planPeriod,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Totals.answer(records.list(RecordType.OUTCOME, Json.blankToNull(office), Json.blankToNull(planPeriod), null,
                        Page.of(page, size)).map(found -> found.stream().map(r -> json.read(r, CatalogOutcome.class)).toList()),
                () -> records.count(RecordType.OUTCOME, Json.blankToNull(office), Json.blankToNull(planPeriod), null));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One canonical outcome with everything under it",
            description = "The outcome's canonical record composed with its outputs' and its own indicators (with "
                    + "observations), budgets per reporting year, funding by partner and year, and progress notes. "
                    + "Every value carries its provenance. With asOf, everything as built from only the documents as of "
                    + "that date or earlier, by the same merge rules: what was published then.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.OutcomeDetail.class)))
    @APIResponse(responseCode = "400", description = "An unknown include", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such outcome", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Views.OutcomeDetail> get(@Parameter(description = "Outcome id, e.g. XM-DAC-41146-MEX_D_2.1") @PathParam("id") String id,
            @Parameter(description = "What to add to the answer, comma-separated: observations (each indicator's "
                    + "observations with their provenance; without it an indicator's observations are null, left out, "
                    + "which makes the answer of an outcome page less than half the size)")
            @QueryParam("include") String include,
            @Parameter(description = "A date (YYYY-MM-DD): the outcome as built from only the documents as of that date "
                    + "or earlier; documents with no as-of date are left out")
            @QueryParam("asOf") AsOf asOf) {
        boolean observations = includesObservations(include);
        return records.find(RecordType.OUTCOME, id).chain(outcomeRecord ->
                records.ofOutcome(RecordType.INDICATOR, id).chain(indicatorRecords ->
                        records.ofOutcome(RecordType.BUDGET, id).chain(budgetRecords ->
                                records.find(RecordType.FUNDING, id).chain(fundingRecord -> {
                                    if (outcomeRecord == null && indicatorRecords.isEmpty() && budgetRecords.isEmpty()
                                            && fundingRecord == null) {
                                        throw new NotFoundException("No outcome with id " + id);
                                    }
                                    if (asOf != null) {
                                        return asOf(id, indicatorRecords, budgetRecords, asOf.date(), observations);
                                    }
                                    return Uni.createFrom().item(compose(id,
                                            outcomeRecord == null ? null : json.read(outcomeRecord, CatalogOutcome.class),
                                            indicatorRecords.stream().map(r -> json.read(r, CatalogIndicator.class)).toList(),
                                            budgetRecords.stream().map(r -> json.read(r, CatalogBudget.class)).toList(),
                                            fundingRecord == null ? null : json.read(fundingRecord, CatalogFunding.class), observations));
                                }))));
    }

    /** The parts {@code include} names: observations, or nothing. */
    static boolean includesObservations(String include) {
        boolean observations = false;
        for (String part : include == null ? new String[0] : include.split(",")) {
            switch (part.strip()) {
                case "observations" -> observations = true;
                case "" -> { }
                default -> throw new BadRequestException("include takes observations, not '" + part.strip() + "'");
            }
        }
        return observations;
    }

    /**
     * The outcome's groups (its own, its indicators' parents, its budgets, its funding) merged again from the
     * claims of the documents as of the date: the one merge, over fewer claims.
     */
    private Uni<Views.OutcomeDetail> asOf(String id, List<CanonicalRecord> indicatorRecords,
            List<CanonicalRecord> budgetRecords, LocalDate date, boolean observations) {
        List<String> parents = indicatorRecords.stream().map(r -> r.parentId).distinct().toList();
        List<String> budgetIds = budgetRecords.stream().map(r -> r.key.recordId()).toList();
        Map<RecordType, List<String>> groups = Map.of(RecordType.OUTCOME, List.of(id), RecordType.INDICATOR, parents,
                RecordType.BUDGET, budgetIds, RecordType.FUNDING, List.of(id));
        return claims.forGroups(groups).map(found -> {
            List<Computed> then = new ArrayList<>();
            found.stream().collect(Collectors.groupingBy(ClaimMapper::groupOf, TreeMap::new, Collectors.toList()))
                    .forEach((g, c) -> then.addAll(engine.asOf(g, c, date)));
            if (then.isEmpty()) {
                throw new NotFoundException("No document as of " + date + " shows outcome " + id);
            }
            return compose(id, first(then, RecordType.OUTCOME, CatalogOutcome.class),
                    all(then, RecordType.INDICATOR, CatalogIndicator.class).stream()
                            .filter(i -> id.equals(i.outcomeId())).toList(),
                    all(then, RecordType.BUDGET, CatalogBudget.class),
                    first(then, RecordType.FUNDING, CatalogFunding.class), observations);
        });
    }

    private static <T> List<T> all(List<Computed> computed, RecordType type, Class<T> as) {
        return computed.stream().filter(c -> c.type() == type && as.isInstance(c.canonical()))
                .sorted(Comparator.comparing(Computed::id)).map(c -> as.cast(c.canonical())).toList();
    }

    private static <T> T first(List<Computed> computed, RecordType type, Class<T> as) {
        List<T> found = all(computed, type, as);
        return found.isEmpty() ? null : found.get(0);
    }

    private Views.OutcomeDetail compose(String id, CatalogOutcome outcome, List<CatalogIndicator> allOfIndicators,
            List<CatalogBudget> unsortedBudgets, CatalogFunding funding, boolean withObservations) {
        List<CatalogIndicator> indicators = withObservations ? allOfIndicators
                : allOfIndicators.stream().map(CatalogIndicator::withoutObservations).toList();
        List<CatalogBudget> budgets = unsortedBudgets.stream().sorted(Comparator.comparing(CatalogBudget::id)).toList();

        // Outputs the outcome lists, then any that only indicators or budgets mention, in code order; then the
        // outputs no document shows a code for (indicators and budgets name outputs by code only).
        Map<String, CatalogOutput> outputs = new java.util.TreeMap<>();
        List<CatalogOutput> codeless = new ArrayList<>();
        if (outcome != null) {
            outcome.outputs().forEach(o -> {
                if (o.code() == null) {
                    codeless.add(o);
                } else {
                    outputs.put(o.code(), o);
                }
            });
        }
        indicators.stream().map(CatalogIndicator::outputCode).filter(Objects::nonNull)
                .forEach(code -> outputs.putIfAbsent(code, new CatalogOutput(code, null, null, List.of())));
        budgets.stream().filter(b -> b.entityId() != null && !b.entityId().equals(id))
                .forEach(b -> outputs.putIfAbsent(b.entityId(), new CatalogOutput(b.entityId(), null, null, List.of())));
        List<Views.OutputDetail> outputDetails = new ArrayList<>();
        outputs.values().forEach(o -> outputDetails.add(new Views.OutputDetail(o.code(), o.statement(), o.provenance(),
                o.progressNotes(), indicators.stream().filter(i -> o.code().equals(i.outputCode())).toList(),
                budgets.stream().filter(b -> o.code().equals(b.entityId())).toList())));
        codeless.forEach(o -> outputDetails.add(new Views.OutputDetail(null, o.statement(), o.provenance(),
                o.progressNotes(), List.of(), List.of())));
        return new Views.OutcomeDetail(
                id,
                outcome == null ? null : outcome.code(),
                outcome == null ? null : outcome.office(),
                outcome == null ? null : outcome.planPeriod(),
                outcome == null ? null : outcome.statement(),
                outcome == null ? null : outcome.description(),
                outcome == null ? List.of() : outcome.sdgAlignment(),
                outcome == null ? List.of() : outcome.impactAreas(),
                outcome == null ? List.of() : outcome.unSystemFunctions(),
                outcome == null ? null : outcome.policyMarker(),
                outcome == null ? null : outcome.humanitarianScope(),
                outcome == null ? Map.of() : outcome.provenance(),
                outputDetails,
                indicators.stream().filter(i -> i.outputCode() == null).toList(),
                budgets.stream().filter(b -> id.equals(b.entityId())).toList(),
                funding,
                outcome == null ? List.of() : outcome.progressNotes());
    }
}
