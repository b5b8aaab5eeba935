package org.resultsflow.contracts.rules;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.resultsflow.contracts.results.Budget;

/**
 * The id of an event ingest publishes: a name-based UUID of the document, the event type and what the event is
 * about, so that publishing a document again gives the same ids and the consumers' idempotence holds. One rule,
 * used by ingest and by the catalog's test kit that replays the samples as ingest would.
 */
public final class ReportedEventIds {

    private ReportedEventIds() {
    }

    /** @param about the outcome id, the indicator key, or {@link #about(Budget)} */
    public static String of(String documentId, String eventType, String about) {
        String identity = documentId + '/' + eventType + '/' + about;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A budget event is about an entity in a year: one document may state an entity's budget for several years
     * (an IATI activity's budgets and transactions by year), and an id without the year would let the consumers
     * apply only the first of them.
     */
    public static String about(Budget budget) {
        return budget.entityId() + '/' + (budget.reportingYear() == null ? "-" : budget.reportingYear());
    }
}
