package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An indicator and the observations one document shows for it, in page order.
 *
 * @param key the indicator's identity: its parent and its code when shown, else parent + normalised statement
 * @param code the code when the document shows one ({@code SP_D_0.1.4}), else null
 * @param normalisedStatement the statement normalised for matching (NFKC, ASCII quotes and dashes,
 *     line-wrap hyphens rejoined, whitespace collapsed, case folded)
 * @param outcomeId the outcome the indicator belongs to, directly or through its output
 * @param outputCode the output it is attached to, or null when attached to the outcome
 * @param tags Common / Complementary / Desk Review, as shown
 * @param partial whether the document ends inside the indicator's block: what is listed is complete, the
 *     rest is not shown
 * @param measure for an IATI indicator, its measure (UNIT, PERCENTAGE, NOMINAL, ORDINAL, QUALITATIVE, or the
 *     code as published); null for documents of other sources
 * @param ascending the declared direction: true when a higher value is better, false when lower is; null
 *     when the document does not declare it
 * @param aggregationStatus whether the indicator's data may be aggregated; null when not stated
 * @param description the indicator's description, when the document gives one
 * @param references the codes of external vocabularies (SDG indicators, a publisher's own) it refers to
 * @param office the office the document gives the indicator's outcome (an IATI activity: the outcome's office,
 *     on each of its records); null when it gives none, and then the office is the outcome code's prefix
 */
public record Indicator(
        String key,
        String code,
        String statement,
        String normalisedStatement,
        String outcomeId,
        String outputCode,
        List<String> tags,
        List<Observation> observations,
        boolean partial,
        LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) String measure,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ascending,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean aggregationStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Reference> references,
        @JsonInclude(JsonInclude.Include.NON_NULL) String office) {

    public Indicator {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public Indicator(String key, String code, String statement, String normalisedStatement, String outcomeId,
            String outputCode, List<String> tags, List<Observation> observations, boolean partial, LineRange lines) {
        this(key, code, statement, normalisedStatement, outcomeId, outputCode, tags, observations, partial, lines,
                null, null, null, null, List.of(), null);
    }
}
