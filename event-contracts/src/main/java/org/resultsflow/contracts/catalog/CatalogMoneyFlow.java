package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.resultsflow.contracts.results.MoneyFlow;

/**
 * One budget, planned disbursement or transaction of an IATI activity as the canonical budget keeps it: what
 * {@link MoneyFlow} states, its value with the document and lines it was read from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogMoneyFlow(MoneyFlow.Kind kind, String type, String status, LocalDate periodStart,
        LocalDate periodEnd, LocalDate date, CatalogMoney value, String provider, String receiver) {
}
