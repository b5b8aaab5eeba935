package org.resultsflow.reporting.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outcome with its progress timeline, as the reporting read model holds it. */
@Schema(name = "OutcomeReport")
public record OutcomeReport(String id, String code, String office, String planPeriod, String statement,
        long catalogVersion, List<ProgressEntry> progressNotes) {

    /** One note of the timeline: the outcome's own (no output) or one of its outputs'. */
    @Schema(name = "ProgressEntry")
    public record ProgressEntry(
            @Schema(description = "Null when no document states the year; such notes come after the dated ones") Integer year,
            @Schema(description = "Where the year came from: PAGE, ADDRESS, NOTE or NONE") String yearBasis,
            @Schema(description = "Rank among the notes of the same entity and year") int sequence,
            String status, String firstSentence, String text,
            @Schema(description = "The document ended inside the note") boolean partial,
            @Schema(description = "The output the note is filed under; null for the outcome's own notes") String outputCode,
            @Schema(description = "The output's statement when it has no code") String outputStatement,
            String documentId, String documentName) {
    }
}
