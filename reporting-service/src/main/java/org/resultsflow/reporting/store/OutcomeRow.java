package org.resultsflow.reporting.store;

/** An outcome as the read model holds it; {@code version} is the catalog's version of it. */
public record OutcomeRow(String id, String code, String office, String planPeriod, String statement, long version) {
}
