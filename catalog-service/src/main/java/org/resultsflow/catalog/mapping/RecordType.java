package org.resultsflow.catalog.mapping;

import org.resultsflow.contracts.EventTypes;

/**
 * The kinds of canonical record, each a merge group of its own: what claims are recomputed together, the
 * value stored in the {@code record_type} columns and the type of the change event it is announced by.
 */
public enum RecordType {
    OUTCOME("outcome", EventTypes.CATALOG_OUTCOME),
    /** A group holds every indicator of one parent (output, else outcome): identity is resolved among them. */
    INDICATOR("indicator", EventTypes.CATALOG_INDICATOR),
    BUDGET("budget", EventTypes.CATALOG_BUDGET),
    FUNDING("funding", EventTypes.CATALOG_FUNDING);

    private final String value;
    private final String eventType;

    RecordType(String value, String eventType) {
        this.value = value;
        this.eventType = eventType;
    }

    /** As stored in the {@code record_type} columns. */
    public String value() {
        return value;
    }

    public String eventType() {
        return eventType;
    }

    public static RecordType of(String value) {
        for (RecordType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown record type " + value);
    }
}
