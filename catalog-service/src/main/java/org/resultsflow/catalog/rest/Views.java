package org.resultsflow.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.resultsflow.catalog.service.ObservationTimeline;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/** What the REST API answers beyond the canonical records themselves. */
public final class Views {

    private Views() {
    }

    @Schema(name = "OutcomeDetail", description = "A canonical outcome composed with its outputs, indicators, budgets and funding")
    public record OutcomeDetail(
            String id,
            String code,
            String office,
            String planPeriod,
            String statement,
            String description,
            List<String> sdgAlignment,
            List<String> impactAreas,
            List<String> unSystemFunctions,
            String policyMarker,
            String humanitarianScope,
            Map<String, Provenance> provenance,
            @Schema(description = "Outputs with their own indicators and budgets") List<OutputDetail> outputs,
            @Schema(description = "Indicators attached to the outcome itself") List<CatalogIndicator> indicators,
            @Schema(description = "Budgets of the outcome itself, per reporting year") List<CatalogBudget> budgets,
            CatalogFunding funding,
            List<CatalogProgressNote> progressNotes) {
    }

    @Schema(name = "OutputDetail")
    public record OutputDetail(@Schema(description = "Null for an output no document shows a code for") String code,
            String statement, Provenance provenance, List<CatalogProgressNote> progressNotes,
            List<CatalogIndicator> indicators, List<CatalogBudget> budgets) {
    }

    @Schema(name = "IndicatorHistory", description = "Every claim documents made about each observation of an indicator")
    public record IndicatorHistory(String indicatorId, List<String> aliases, List<ObservationHistory> observations) {
    }

    @Schema(name = "ObservationHistory")
    public record ObservationHistory(@Schema(description = "Null when no document shows a year") Integer year,
            ObservationKind kind,
            @Schema(description = "Rank among the indicator's observations of the same year and kind") int sequence,
            @Schema(description = "In as-of order (none first), then document id") List<ClaimEntry> claims,
            @Schema(description = "When a value appeared, changed, was contradicted or confirmed, in as-of order")
            List<ObservationTimeline.Event> events) {
    }

    @Schema(name = "ClaimEntry", description = "What one document said about one observation")
    public record ClaimEntry(ObservedValue value, boolean known,
            @Schema(description = "Whether the document gave it on an end-of-plan summary line, not a table row") boolean headline,
            @Schema(description = "Whether this claim is the canonical value") boolean canonical,
            @Schema(description = "The id the document showed the indicator under") String reportedAs,
            Provenance provenance, Instant recordedAt) {
    }

    @Schema(name = "Conflict", description = "An observation for which documents gave different known values")
    public record Conflict(String indicatorId, String code, String outcomeId, String parentId, Integer year,
            ObservationKind kind, int sequence, ObservedValue canonicalValue, Provenance canonicalProvenance,
            List<CatalogObservation.Conflict> otherValues) {
    }

    @Schema(name = "Document", description = "A document whose events reached the catalog")
    public record Document(String id, String name, String mediaType, String layout, LocalDate asOf, String asOfBasis,
            @Schema(description = "The address the document was published at, when known") String source,
            Instant firstSeenAt, long claims) {
    }
}
