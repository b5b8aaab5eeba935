package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A result under an outcome, identified by its code ({@code MEX_D_2.1.1}) or, on pages that do not print
 * the code, by its outcome and normalised statement.
 *
 * @param code the code when shown, else null
 * @param progressNotes the notes the document files under this output's title
 * @param resultType for an IATI result, its type (OUTPUT, OUTCOME, IMPACT, OTHER, or the code as published);
 *     null for documents of other sources
 * @param aggregationStatus for an IATI result, whether its data may be aggregated; null when not stated
 * @param description the result's description, when the document gives one
 * @param references the codes of external vocabularies the result refers to
 */
public record Output(String code, String statement, List<ProgressNote> progressNotes, LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) String resultType,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean aggregationStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reference> references) {

    public Output {
        progressNotes = progressNotes == null ? List.of() : List.copyOf(progressNotes);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public Output(String code, String statement, List<ProgressNote> progressNotes, LineRange lines) {
        this(code, statement, progressNotes, lines, null, null, null, List.of());
    }

    public Output(String code, String statement, LineRange lines) {
        this(code, statement, List.of(), lines);
    }
}
