package org.resultsflow.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.Seeds;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;

/**
 * A change event is built from an envelope and the state tree the engine already has, not by serialising the contract
 * record (the outbox insert composes the two the same way in SQL): every change of the five seeds must still be
 * exactly the contract record as Jackson writes it, the canonical record under its own field, a merged-into change
 * with none.
 */
class ChangePayloadTest {

    private static final Map<RecordType, Class<?>> CONTRACT = Map.of(RecordType.OUTCOME, OutcomeChanged.class,
            RecordType.INDICATOR, IndicatorChanged.class, RecordType.BUDGET, BudgetChanged.class,
            RecordType.FUNDING, FundingChanged.class);

    private final ObjectMapper json = InMemoryCatalog.JSON;

    @Test
    void everyChangeIsTheContractRecordAsWritten() throws Exception {
        InMemoryCatalog catalog = new InMemoryCatalog();
        for (Seeds.Doc doc : Seeds.load(json, null)) {
            catalog.apply(MergeOrderTest.received(doc.events()), true);
        }
        Map<String, Integer> seen = new TreeMap<>();
        for (Change change : catalog.published()) {
            RecordType type = change.record().type();
            Object contract = json.treeToValue(change.payload(), CONTRACT.get(type));
            JsonNode written = json.valueToTree(contract);
            assertEquals(written, change.payload(), change.eventType() + " " + change.eventKey());
            String kind = type.value() + (change.record().canonical() == null ? " merged-into" : "");
            seen.merge(kind, 1, Integer::sum);
        }
        assertTrue(seen.keySet().containsAll(List.of("outcome", "indicator", "indicator merged-into",
                "budget", "funding")), "the seeds give every kind of change: " + seen);
    }
}
