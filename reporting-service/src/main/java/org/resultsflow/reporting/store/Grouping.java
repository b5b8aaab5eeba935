package org.resultsflow.reporting.store;

import java.util.Locale;

/** The level a roll-up sums to: each output, each outcome, or each office (and year). */
public enum Grouping {
    OUTPUT,
    OUTCOME,
    OFFICE;

    /** The key columns a roll-up selects: those of the level, the others as NULL. */
    String keys() {
        return switch (this) {
            case OFFICE -> "office, NULL::text AS outcome_id, NULL::text AS output_code";
            case OUTCOME -> "office, outcome_id, NULL::text AS output_code";
            case OUTPUT -> "office, outcome_id, output_code";
        };
    }

    /** The columns a roll-up groups by. */
    String groupKeys() {
        return switch (this) {
            case OFFICE -> "office";
            case OUTCOME -> "office, outcome_id";
            case OUTPUT -> "office, outcome_id, output_code";
        };
    }

    /** As the roll-ups name it in their {@code groupBy} field. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
