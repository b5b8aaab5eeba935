package org.resultsflow.reporting.store;

import java.util.Locale;

/** The level a roll-up sums to: each output, each outcome, or each office (and year). */
public enum Grouping {
    OUTPUT,
    OUTCOME,
    OFFICE;

    /** As the roll-ups name it in their {@code groupBy} field. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
