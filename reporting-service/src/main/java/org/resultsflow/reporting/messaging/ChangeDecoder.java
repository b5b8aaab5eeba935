package org.resultsflow.reporting.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.reporting.change.CatalogChange;

/**
 * Turns a catalog.changes record into a {@link CatalogChange}, or says why it never can be. Both the live
 * consumer and the rebuild decode with this, so both accept and reject exactly the same records.
 */
@ApplicationScoped
public class ChangeDecoder {

    private final ObjectMapper json;

    public ChangeDecoder(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The change the record carries; null for a type no read model uses (skipped, not an error).
     *
     * @throws InvalidEventException when the record lacks its CloudEvents headers, is not JSON, violates its
     *     type's schema, or lacks the record it describes
     */
    public CatalogChange decode(ConsumerRecord<String, String> record) throws InvalidEventException {
        String type = CloudEventRecords.type(record);
        if (type == null) {
            throw new InvalidEventException("record has no ce_type header");
        }
        if (!EventTypes.CATALOG_OUTCOME.equals(type) && !EventTypes.CATALOG_INDICATOR.equals(type)
                && !EventTypes.CATALOG_BUDGET.equals(type) && !EventTypes.CATALOG_FUNDING.equals(type)) {
            return null;
        }
        ReceivedEvent<JsonNode> event = CloudEventRecords.decode(record, JsonNode.class, json);
        validate(type, event.data());
        try {
            CatalogChange change = switch (type) {
                case EventTypes.CATALOG_OUTCOME -> {
                    OutcomeChanged data = json.treeToValue(event.data(), OutcomeChanged.class);
                    require(data.outcomeId() != null && data.outcome() != null, type, "outcomeId and outcome");
                    yield new CatalogChange.Outcome(event.id(), type, data);
                }
                case EventTypes.CATALOG_INDICATOR -> {
                    IndicatorChanged data = json.treeToValue(event.data(), IndicatorChanged.class);
                    // A merged-into change carries no indicator, only where it now lives.
                    require(data.indicatorId() != null && (data.indicator() != null || data.mergedInto() != null), type,
                            "indicatorId and indicator (or mergedInto)");
                    yield new CatalogChange.Indicator(event.id(), type, data);
                }
                case EventTypes.CATALOG_BUDGET -> {
                    BudgetChanged data = json.treeToValue(event.data(), BudgetChanged.class);
                    require(data.budgetId() != null && data.budget() != null, type, "budgetId and budget");
                    yield new CatalogChange.Budget(event.id(), type, data);
                }
                default -> {
                    FundingChanged data = json.treeToValue(event.data(), FundingChanged.class);
                    require(data.outcomeId() != null && data.funding() != null, type, "outcomeId and funding");
                    yield new CatalogChange.Funding(event.id(), type, data);
                }
            };
            return change;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("data is not a valid " + type + ": " + e.getMessage());
        }
    }

    private void validate(String type, JsonNode data) throws InvalidEventException {
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("data violates the schema of " + type + ": "
                    + String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
        }
    }

    private static void require(boolean present, String type, String what) throws InvalidEventException {
        if (!present) {
            throw new InvalidEventException("data of " + type + " lacks " + what);
        }
    }
}
