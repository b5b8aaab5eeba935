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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
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
    private final Json json;

    public OutcomeResource(CanonicalRecordRepository records, Json json) {
        this.records = records;
        this.json = json;
    }

    @GET
    @Operation(summary = "List canonical outcomes", description = "In id order, one page at a time.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogOutcome.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<List<CatalogOutcome>> list(
            @Parameter(description = "Office prefix, e.g. MEX") @QueryParam("office") String office,
            @Parameter(description = "Plan period, e.g. 2020-2025") @QueryParam("planPeriod") String planPeriod,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return records.list(RecordType.OUTCOME, Json.blankToNull(office), Json.blankToNull(planPeriod), null, Page.of(page, size))
                .map(found -> found.stream().map(r -> json.read(r, CatalogOutcome.class)).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One canonical outcome with everything under it",
            description = "The outcome's canonical record composed with its outputs' and its own indicators (with "
                    + "observations), budgets per reporting year, funding by partner and year, and progress notes. "
                    + "Every value carries its provenance.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.OutcomeDetail.class)))
    @APIResponse(responseCode = "400", description = "An unknown include", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such outcome", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Views.OutcomeDetail> get(@Parameter(description = "Outcome id, e.g. XM-DAC-41146-MEX_D_2.1") @PathParam("id") String id,
            @Parameter(description = "What to add to the answer, comma-separated: observations (each indicator's "
                    + "observations with their provenance; without it an indicator's observations are null, left out, "
                    + "which makes the answer of an outcome page less than half the size)")
            @QueryParam("include") String include) {
        boolean observations = includesObservations(include);
        return records.find(RecordType.OUTCOME, id).chain(outcomeRecord ->
                records.ofOutcome(RecordType.INDICATOR, id).chain(indicatorRecords ->
                        records.ofOutcome(RecordType.BUDGET, id).chain(budgetRecords ->
                                records.find(RecordType.FUNDING, id).map(fundingRecord -> {
                                    if (outcomeRecord == null && indicatorRecords.isEmpty() && budgetRecords.isEmpty()
                                            && fundingRecord == null) {
                                        throw new NotFoundException("No outcome with id " + id);
                                    }
                                    return compose(id, outcomeRecord, indicatorRecords, budgetRecords, fundingRecord,
                                            observations);
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

    private Views.OutcomeDetail compose(String id, CanonicalRecord outcomeRecord, List<CanonicalRecord> indicatorRecords,
            List<CanonicalRecord> budgetRecords, CanonicalRecord fundingRecord, boolean withObservations) {
        CatalogOutcome outcome = outcomeRecord == null ? null : json.read(outcomeRecord, CatalogOutcome.class);
        List<CatalogIndicator> indicators = indicatorRecords.stream().map(r -> json.read(r, CatalogIndicator.class))
                .map(i -> withObservations ? i : new CatalogIndicator(i.id(), i.code(), i.statement(),
                        i.normalisedStatement(), i.outcomeId(), i.outputCode(), i.parentId(), i.office(), i.tags(),
                        i.aliases(), i.provenance(), null))
                .toList();
        List<CatalogBudget> budgets = budgetRecords.stream().map(r -> json.read(r, CatalogBudget.class))
                .sorted(java.util.Comparator.comparing(CatalogBudget::id)).toList();
        CatalogFunding funding = fundingRecord == null ? null : json.read(fundingRecord, CatalogFunding.class);

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
