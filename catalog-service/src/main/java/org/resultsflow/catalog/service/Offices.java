package org.resultsflow.catalog.service;

import org.resultsflow.contracts.rules.OutcomeId;

/** The office of a record is the prefix of its outcome's code ({@code XM-DAC-41146-MEX_D_2.1} → MEX). */
public final class Offices {

    private Offices() {
    }

    public static String of(String outcomeId) {
        return OutcomeId.officeOf(outcomeId);
    }
}
