package org.resultsflow.reporting.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Office and outcome code, from what a record says or, failing that, from the outcome id. */
public final class Offices {

    /** {@code XM-DAC-41146-MEX_D_2.1}: publisher prefix, then the code; the office is the code's prefix. */
    private static final Pattern OUTCOME_ID = Pattern.compile("^(?:[A-Z]+-[A-Z]+-\\d+-)?(([A-Z]+)_[A-Z]_[0-9.]+)$");

    private Offices() {
    }

    /** The stated office, else the prefix of the outcome's code; null when neither is known. */
    public static String office(String stated, String outcomeId) {
        if (stated != null && !stated.isBlank()) {
            return stated.strip();
        }
        Matcher m = outcomeId == null ? null : OUTCOME_ID.matcher(outcomeId);
        return m != null && m.matches() ? m.group(2) : null;
    }

    /** The outcome's code ({@code MEX_D_2.1}) from its id; the id itself when it has no known shape. */
    public static String outcomeCode(String outcomeId) {
        if (outcomeId == null) {
            return null;
        }
        Matcher m = OUTCOME_ID.matcher(outcomeId);
        return m.matches() ? m.group(1) : outcomeId;
    }
}
