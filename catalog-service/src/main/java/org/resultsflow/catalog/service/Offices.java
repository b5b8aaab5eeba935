package org.resultsflow.catalog.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The office of a record is the prefix of its outcome's code ({@code XM-DAC-41146-MEX_D_2.1} → MEX). */
public final class Offices {

    private static final Pattern OUTCOME = Pattern.compile("^XM-DAC-\\d+-([A-Z]+)_");

    private Offices() {
    }

    public static String of(String outcomeId) {
        if (outcomeId == null) {
            return null;
        }
        Matcher matcher = OUTCOME.matcher(outcomeId);
        return matcher.find() ? matcher.group(1) : null;
    }
}
