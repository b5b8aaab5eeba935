package org.resultsflow.reporting.metrics;

import org.resultsflow.contracts.rules.OutcomeId;

/** Office and outcome code, from what a record says or, failing that, from the outcome id. */
public final class Offices {

    private Offices() {
    }

    /** The stated office, else the prefix of the outcome's code; null when neither is known. */
    public static String office(String stated, String outcomeId) {
        if (stated != null && !stated.isBlank()) {
            return stated.strip();
        }
        return OutcomeId.officeOf(outcomeId);
    }

    /** The outcome's code ({@code MEX_D_2.1}) from its id; the id itself when it has no outcome id's shape. */
    public static String outcomeCode(String outcomeId) {
        return outcomeId == null ? null : OutcomeId.parse(outcomeId).map(OutcomeId::code).orElse(outcomeId);
    }
}
