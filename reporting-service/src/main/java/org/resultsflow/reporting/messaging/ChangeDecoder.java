package org.resultsflow.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.wire.Decoded;
import org.resultsflow.contracts.wire.EventDecoder;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.reporting.change.CatalogChange;

/**
 * Turns a catalog.changes record into a {@link CatalogChange}, or says why it never can be: the shared
 * {@link EventDecoder} (types no read model uses are skipped), then the record each change describes. Both the
 * live consumer and the rebuild decode with this, so both accept and reject exactly the same records.
 */
@ApplicationScoped
public class ChangeDecoder {

    private final EventDecoder<Object> events;

    public ChangeDecoder(ObjectMapper json) {
        this.events = EventDecoder.of(Map.of(EventTypes.CATALOG_OUTCOME, OutcomeChanged.class,
                EventTypes.CATALOG_INDICATOR, IndicatorChanged.class, EventTypes.CATALOG_BUDGET, BudgetChanged.class,
                EventTypes.CATALOG_FUNDING, FundingChanged.class), json);
    }

    EventDecoder<Object> events() {
        return events;
    }

    /**
     * The change the record carries; null for a type no read model uses (skipped, not an error).
     *
     * @throws InvalidEventException when the record lacks its CloudEvents headers, is not JSON, violates its
     *     type's schema, or lacks the record it describes
     */
    public CatalogChange decode(ConsumerRecord<String, String> record) throws InvalidEventException {
        Decoded<Object> decoded = events.decode(record);
        if (decoded instanceof Decoded.Poison<Object> poison) {
            throw new InvalidEventException(poison.reason());
        }
        return decoded instanceof Decoded.Event<Object> event ? change(event.event()) : null;
    }

    /** The change of a decoded event, once it is known to carry the record it describes. */
    static CatalogChange change(ReceivedEvent<?> event) throws InvalidEventException {
        String type = event.type();
        Object data = event.data();
        if (data instanceof OutcomeChanged outcome) {
            require(outcome.outcomeId() != null && outcome.outcome() != null, type, "outcomeId and outcome");
            return new CatalogChange.Outcome(event.id(), type, outcome);
        }
        if (data instanceof IndicatorChanged indicator) {
            // A merged-into change carries no indicator, only where it now lives.
            require(indicator.indicatorId() != null && (indicator.indicator() != null || indicator.mergedInto() != null),
                    type, "indicatorId and indicator (or mergedInto)");
            return new CatalogChange.Indicator(event.id(), type, indicator);
        }
        if (data instanceof BudgetChanged budget) {
            require(budget.budgetId() != null && budget.budget() != null, type, "budgetId and budget");
            return new CatalogChange.Budget(event.id(), type, budget);
        }
        FundingChanged funding = (FundingChanged) data;
        require(funding.outcomeId() != null && funding.funding() != null, type, "outcomeId and funding");
        return new CatalogChange.Funding(event.id(), type, funding);
    }

    private static void require(boolean present, String type, String what) throws InvalidEventException {
        if (!present) {
            throw new InvalidEventException("data of " + type + " lacks " + what);
        }
    }
}
