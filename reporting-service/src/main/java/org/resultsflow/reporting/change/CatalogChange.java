package org.resultsflow.reporting.change;

import java.time.Instant;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;

/** One decoded event of catalog.changes: its id, the record it describes, and that record's version. */
public sealed interface CatalogChange {

    String eventId();

    String eventType();

    /** The id of the record (outcome, indicator, budget, or the outcome whose funding it is). */
    String recordId();

    long version();

    Instant changedAt();

    record Outcome(String eventId, String eventType, OutcomeChanged data) implements CatalogChange {
        public String recordId() {
            return data.outcomeId();
        }

        public long version() {
            return data.version();
        }

        public Instant changedAt() {
            return data.changedAt();
        }
    }

    record Indicator(String eventId, String eventType, IndicatorChanged data) implements CatalogChange {
        public String recordId() {
            return data.indicatorId();
        }

        public long version() {
            return data.version();
        }

        public Instant changedAt() {
            return data.changedAt();
        }
    }

    record Budget(String eventId, String eventType, BudgetChanged data) implements CatalogChange {
        public String recordId() {
            return data.budgetId();
        }

        public long version() {
            return data.version();
        }

        public Instant changedAt() {
            return data.changedAt();
        }
    }

    record Funding(String eventId, String eventType, FundingChanged data) implements CatalogChange {
        public String recordId() {
            return data.outcomeId();
        }

        public long version() {
            return data.version();
        }

        public Instant changedAt() {
            return data.changedAt();
        }
    }
}
