package org.resultsflow.contracts;

import java.util.Map;

/** The topics ingest publishes to, and the one event type each carries. */
public final class IngestTopics {

    /** Type by topic; the topics' names are what both sides are configured with by default. */
    public static final Map<String, String> TYPE = Map.of("results.outcomes", EventTypes.OUTCOME_REPORTED,
            "results.indicators", EventTypes.INDICATOR_REPORTED, "results.budgets", EventTypes.BUDGET_REPORTED);

    private IngestTopics() {
    }
}
