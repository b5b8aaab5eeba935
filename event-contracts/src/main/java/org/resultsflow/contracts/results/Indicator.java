package org.resultsflow.contracts.results;

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
        LineRange lines) {
}
