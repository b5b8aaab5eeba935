package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Progress toward target rolled up per output, outcome or office, and year: one count per indicator result.
 *
 * @param onTrackRate ON_TRACK ÷ assessable (ON_TRACK + AT_RISK + OFF_TRACK); null when nothing is assessable
 * @param meanProgress the unweighted mean of the (capped) progress over the assessable rows that have one; null
 *     when there are none
 */
@Schema(name = "ProgressSummary")
public record ProgressSummary(String groupBy, String office, String outcomeId, String outputCode, int year,
        long onTrack, long atRisk, long offTrack, long notAssessable, long assessable, BigDecimal onTrackRate,
        BigDecimal meanProgress) {
}
