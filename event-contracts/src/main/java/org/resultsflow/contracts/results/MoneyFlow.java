package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One budget, planned disbursement or transaction as an IATI activity states it, kept whole: the yearly
 * figures of its {@link Budget} are computed from these, and these stay for whoever needs the detail.
 *
 * @param type for a budget ORIGINAL or REVISED; for a planned disbursement ORIGINAL or REVISED; for a
 *     transaction its type (INCOMING_FUNDS, OUTGOING_COMMITMENT, DISBURSEMENT, EXPENDITURE, …); the code as
 *     published when it is none of the known ones
 * @param status a budget's INDICATIVE or COMMITTED (or the code as published), else null
 * @param date a transaction's date, else null
 * @param provider the providing organisation's name (else its ref), when given
 * @param receiver the receiving organisation's name (else its ref), when given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoneyFlow(Kind kind, String type, String status, LocalDate periodStart, LocalDate periodEnd,
        LocalDate date, Money value, String provider, String receiver, LineRange lines) {

    public enum Kind {
        BUDGET,
        PLANNED_DISBURSEMENT,
        TRANSACTION
    }
}
