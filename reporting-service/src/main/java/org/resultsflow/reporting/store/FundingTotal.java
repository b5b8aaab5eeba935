package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contributions of all partners to an outcome (or all outcomes of an office) in one year. */
@Schema(name = "FundingTotal")
public record FundingTotal(String groupBy, String office, String outcomeId, int year, long partners, BigDecimal total) {
}
