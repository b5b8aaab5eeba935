package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One office of the portfolio (in one year, or over all years): its outcomes, milestone attainment, progress
 * toward target and budgets, each by the rules of its own roll-up.
 *
 * @param attainmentRate MET ÷ assessable attainment rows; null when none is assessable
 * @param fundingRate actual ÷ planned over the budgets the office roll-up counts; null without such budgets
 * @param deliveryRate expenses ÷ actual, likewise
 * @param overSpends budgets whose expenses exceed their actual
 */
@Schema(name = "OfficeSummary")
public record OfficeSummary(String office, long outcomes, long met, long assessable, BigDecimal attainmentRate,
        long onTrack, long atRisk, long offTrack, BigDecimal fundingRate, BigDecimal deliveryRate, long overSpends) {
}
