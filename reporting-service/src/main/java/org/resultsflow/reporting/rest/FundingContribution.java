package org.resultsflow.reporting.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One partner's contribution to an outcome in one year, in USD; {@code totalShown} as the document showed it. */
@Schema(name = "FundingContribution")
public record FundingContribution(String office, String outcomeId, String partner, int year, BigDecimal total,
        String totalShown, BigDecimal development, BigDecimal humanitarian) {
}
