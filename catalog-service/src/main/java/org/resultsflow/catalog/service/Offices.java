package org.resultsflow.catalog.service;

import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The office of a record: the office its documents give it, else the prefix of its outcome's code
 * ({@code XM-DAC-41146-MEX_D_2.1} → MEX). An IATI activity's identifier has no office in it, so ingest gives each
 * record of the activity its outcome's office (the reporting organisation) and the catalog claims it per record:
 * the office is then a function of the record's own claims, whatever arrives first.
 */
public final class Offices {

    private Offices() {
    }

    /**
     * @param stated the best known office claim of the record, or null
     * @param outcomeId the record's outcome
     */
    public static String of(String stated, String outcomeId) {
        return stated != null ? stated : OutcomeId.officeOf(outcomeId);
    }
}
