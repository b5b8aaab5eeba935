package org.resultsflow.reporting.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One partner's contribution to an outcome in one year, in USD; {@code totalShown} as the document showed it.
 *
 * @param partnerType the kind of partner the document names, or null
 * @param developmentShare the development share in percent as shown, or null
 */
@Schema(name = "FundingContribution")
public record FundingContribution(String office, String outcomeId, String partner, String partnerType, int year,
        BigDecimal total, String totalShown, BigDecimal development, BigDecimal humanitarian,
        BigDecimal developmentShare, BigDecimal humanitarianShare) {
}
