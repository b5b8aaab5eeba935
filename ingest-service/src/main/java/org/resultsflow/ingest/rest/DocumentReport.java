package org.resultsflow.ingest.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.resultsflow.ingest.parsing.ParseWarning;
import org.resultsflow.ingest.repository.IngestedDocument;

/** What ingest knows of one document: identity, how it was read, and what came out of it. */
@Schema(name = "DocumentReport")
public record DocumentReport(
        @Schema(description = "SHA-256 of the document's bytes") String id,
        String name,
        @Schema(description = "The address the document was published at, when the caller gave it") String source,
        String mediaType,
        long sizeBytes,
        String layout,
        LocalDate asOf,
        String asOfBasis,
        String office,
        String planPeriod,
        @Schema(description = "PUBLISHED when this request published the events, ALREADY_INGESTED when the same bytes had been ingested before (nothing new published)")
        Status status,
        Counts counts,
        List<ParseWarning> warnings,
        Instant receivedAt) {

    public enum Status {
        PUBLISHED,
        ALREADY_INGESTED
    }

    public record Counts(int outcomes, int outputs, int indicators, int observations, int budgets,
            int progressNotes, int events) {
    }

    public static DocumentReport of(IngestedDocument d, Status status) {
        return new DocumentReport(d.id, d.name, d.source, d.mediaType, d.sizeBytes, d.layout, d.asOf, d.asOfBasis, d.office,
                d.planPeriod, status,
                new Counts(d.outcomeCount, d.outputCount, d.indicatorCount, d.observationCount, d.budgetCount,
                        d.noteCount, d.eventCount),
                d.warnings, d.receivedAt);
    }
}
