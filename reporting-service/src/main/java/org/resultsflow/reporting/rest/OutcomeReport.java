package org.resultsflow.reporting.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome with its progress timeline, as the reporting read model holds it. */
@Schema(name = "OutcomeReport")
public record OutcomeReport(String id, String code, String office, String planPeriod, String statement,
        long catalogVersion, List<ProgressEntry> progressNotes) {

    /** One year of the timeline. */
    @Schema(name = "ProgressEntry")
    public record ProgressEntry(int year, String status, String firstSentence, String text, String documentId,
            String documentName) {
    }
}
