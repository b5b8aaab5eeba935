package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Milestone attainment rolled up per output, outcome or office, and year.
 *
 * @param attainmentRate MET ÷ assessable (MET + PARTIAL + NOT_MET); null when nothing is assessable
 * @param meanRatio the unweighted mean of the ratio capped to [0, 1] over the assessable numeric rows that have a ratio
 *     (a milestone of 0 gives none); null when there are none
 */
@Schema(name = "AttainmentSummary")
public record AttainmentSummary(String groupBy, String office, String outcomeId, String outputCode, int year, long met,
        long partial, long notMet, long notAssessable, long assessable, BigDecimal attainmentRate,
        BigDecimal meanRatio) {
}
