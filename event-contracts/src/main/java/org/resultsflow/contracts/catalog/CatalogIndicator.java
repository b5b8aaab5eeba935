package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The canonical indicator with its observations.
 *
 * @param id stable identity: {@code <parent>::<code>} when a document shows the code, else
 *     {@code <parent>::<normalised statement>}; a codeless indicator matched to a coded one takes the
 *     coded one's id
 * @param parentId the output code, or the outcome id when the indicator is attached to the outcome
 * @param aliases other keys documents used for this indicator (e.g. the statement key of a codeless twin)
 * @param measure an IATI indicator's measure (UNIT, PERCENTAGE, …), else null
 * @param ascending the direction a document declares: true when higher is better, false when lower is; null
 *     when no document declares one
 */
public record CatalogIndicator(
        String id,
        String code,
        String statement,
        String normalisedStatement,
        String outcomeId,
        String outputCode,
        String parentId,
        String office,
        List<String> tags,
        List<String> aliases,
        Map<String, Provenance> provenance,
        List<CatalogObservation> observations,
        @JsonInclude(JsonInclude.Include.NON_NULL) String measure,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ascending) {

    public CatalogIndicator(String id, String code, String statement, String normalisedStatement, String outcomeId,
            String outputCode, String parentId, String office, List<String> tags, List<String> aliases,
            Map<String, Provenance> provenance, List<CatalogObservation> observations) {
        this(id, code, statement, normalisedStatement, outcomeId, outputCode, parentId, office, tags, aliases,
                provenance, observations, null, null);
    }

    /** The same indicator with its observations left out (null), for answers that do not ask for them. */
    public CatalogIndicator withoutObservations() {
        return new CatalogIndicator(id, code, statement, normalisedStatement, outcomeId, outputCode, parentId, office,
                tags, aliases, provenance, null, measure, ascending);
    }
}
