package org.resultsflow.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.SourceDocument;

/** The records and the schemas describe the same contract: what the records write, the schemas accept. */
class EventSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String DOCUMENT_ID = "e25761c67d39ad5b".repeat(4);
    static final SourceDocument DOCUMENT = new SourceDocument(DOCUMENT_ID, "progress.txt", "text/plain",
            "PROGRESS_NOTES_LIST", LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);

    @Test
    void outcomeReportedAsWrittenIsValid() {
        Outcome outcome = new Outcome("XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1", "MEX", "2020-2025", "By 2025 …", null,
                List.of("SDG Goal"), List.of(), null, "GENDER EQUALITY", "No",
                List.of(new Output("MEX_D_2.1.1", "Output statement", new LineRange(40, 41))),
                List.of(new ProgressNote(2024, "NOT_ACHIEVED_BUT_PROGRESS", "This outcome was not achieved…",
                        LineRange.of(9))),
                new LineRange(7, 9));
        JsonNode data = JSON.valueToTree(new OutcomeReported(DOCUMENT, outcome));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.OUTCOME_REPORTED, data));
    }

    @Test
    void outcomeChangedAsWrittenIsValid() {
        Provenance provenance = new Provenance(DOCUMENT_ID, "progress.txt", new LineRange(7, 8), LocalDate.of(2024, 12, 31),
                AsOfBasis.DATA_YEAR);
        CatalogOutcome outcome = new CatalogOutcome("XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1", "MEX", null, "By 2025 …", null,
                List.of(), List.of(), List.of(), null, null, Map.of("statement", provenance),
                List.of(new CatalogOutput("MEX_D_2.1.1", "Output statement", provenance)),
                List.of(new CatalogProgressNote(2024, "ON_TRACK", "text", provenance)));
        JsonNode data = JSON.valueToTree(new OutcomeChanged(outcome.id(), 3, List.of("statement"),
                Instant.parse("2026-11-22T06:00:00Z"), outcome));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_OUTCOME, data));
    }

    @Test
    void schemaRejectsWhatTheContractForbids() {
        Outcome outcome = new Outcome("MEX_D_2.1", "MEX_D_2.1", "MEX", null, null, null, null, null, null, null, null,
                List.of(), List.of(), LineRange.of(1));
        ObjectNode data = JSON.valueToTree(new OutcomeReported(DOCUMENT, outcome));
        ((ObjectNode) data.get("document")).put("id", "not-a-sha");
        data.put("unexpected", true);

        List<String> violations = EventSchemas.violations(EventTypes.OUTCOME_REPORTED, data);

        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.contains("unexpected")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("/document/id")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.contains("/outcome/id")), violations::toString);
    }
}
