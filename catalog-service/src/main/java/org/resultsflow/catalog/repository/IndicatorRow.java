package org.resultsflow.catalog.repository;

import java.util.List;

/**
 * One canonical indicator of {@code /api/indicators} as an export row: what it is, where it belongs, how many
 * observations it has and how many of them conflict (the observations export and {@code /api/conflicts} give
 * them), and where its statement was read.
 *
 * @param parentId the output code, or the outcome id when the indicator is attached to the outcome
 * @param measure the unit an IATI indicator declares (UNIT, PERCENTAGE…); else null
 * @param ascending the direction a document declares: true when higher is better; null when none declares one
 * @param aliases the other ids documents gave this indicator (a codeless twin's)
 * @param observations how many observations the indicator has
 * @param conflicts how many of them have values other documents contradict
 * @param documentId the document the statement was taken from; with the columns after it, its provenance
 */
public record IndicatorRow(String indicatorId, String indicatorCode, String statement, String normalisedStatement,
        String outcomeId, String outputCode, String parentId, String office, String measure, Boolean ascending,
        List<String> tags, List<String> aliases, int observations, int conflicts, String documentId,
        String documentName, String source, Integer firstLine, Integer lastLine, String asOf, String asOfBasis) {
}
