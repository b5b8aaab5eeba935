package org.resultsflow.contracts;

/**
 * CloudEvents {@code type} of every event resultsflow publishes. A type's version changes only with an
 * incompatible change of its data; the schema of each type is {@code schemas/<type>.json}.
 */
public final class EventTypes {

    public static final String OUTCOME_REPORTED = "results.outcome.v1";
    public static final String INDICATOR_REPORTED = "results.indicator.v1";
    public static final String BUDGET_REPORTED = "results.budget.v1";

    public static final String CATALOG_OUTCOME = "catalog.outcome.v1";
    public static final String CATALOG_INDICATOR = "catalog.indicator.v1";
    public static final String CATALOG_BUDGET = "catalog.budget.v1";
    public static final String CATALOG_FUNDING = "catalog.funding.v1";

    private EventTypes() {
    }
}
