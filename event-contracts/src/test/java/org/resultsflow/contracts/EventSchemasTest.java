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
import java.math.BigDecimal;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;
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
                List.of(new ProgressNote(2024, ProgressNote.YearBasis.ADDRESS, 1, "NOT_ACHIEVED_BUT_PROGRESS",
                        "This outcome was not achieved…", false, LineRange.of(9))),
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
                List.of(new CatalogOutput("MEX_D_2.1.1", "Output statement", provenance, List.of()),
                        new CatalogOutput(null, "An output shown without its code", provenance,
                                List.of(new CatalogProgressNote(null, null, 1, "UNSTATED", "cut off", true, provenance)))),
                List.of(new CatalogProgressNote(2024, ProgressNote.YearBasis.ADDRESS, 1, "ON_TRACK", "text", false, provenance),
                        new CatalogProgressNote(null, null, 1, "UNSTATED", "first", false, provenance),
                        new CatalogProgressNote(null, null, 2, "UNSTATED", "second", false, provenance)));
        JsonNode data = JSON.valueToTree(new OutcomeChanged(outcome.id(), 3, List.of("statement"),
                Instant.parse("2026-11-22T06:00:00Z"), outcome));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_OUTCOME, data));
    }

    @Test
    void schemaRejectsWhatTheContractForbids() {
        Outcome outcome = new Outcome("outcome 2.1", "MEX_D_2.1", "MEX", null, null, null, null, null, null, null, null,
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

    static final Provenance PROVENANCE = new Provenance(DOCUMENT_ID, "page.txt", new LineRange(44, 91),
            LocalDate.of(2021, 12, 31), AsOfBasis.DATA_YEAR);
    static final ObservedValue SEVEN = new ObservedValue("7", ValueType.NUMBER, new BigDecimal("7"), null);
    static final ObservedValue TBD = new ObservedValue("TBD", ValueType.MARKER, null, null);
    static final Instant AT = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void indicatorReportedAsWrittenIsValid() {
        Indicator indicator = new Indicator("MEX_D_2.1.1::SP_D_0.1.h", "SP_D_0.1.h", "Number of dialogues (CO)",
                "number of dialogues (co)", "XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1.1", List.of("Common"),
                List.of(new Observation(2022, ObservationKind.MILESTONE, TBD, LineRange.of(70)),
                        new Observation(2022, ObservationKind.RESULT, SEVEN, LineRange.of(71)),
                        new Observation(2022, ObservationKind.MILESTONE, 2, false, SEVEN, LineRange.of(73)),
                        new Observation(null, ObservationKind.BASELINE, 1, false,
                                new ObservedValue("-", ValueType.MARKER, null, null).printedAs("--"), LineRange.of(62)),
                        new Observation(2026, ObservationKind.RESULT, 1, true,
                                new ObservedValue("3 (new)", ValueType.TEXT, null, null), LineRange.of(61))),
                true, new LineRange(60, 91));
        JsonNode data = JSON.valueToTree(new IndicatorReported(DOCUMENT, indicator));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.INDICATOR_REPORTED, data));
        // Early producers wrote the derived "known"; it stays acceptable.
        ((ObjectNode) data.at("/indicator/observations/0/value")).put("known", false);
        assertEquals(List.of(), EventSchemas.violations(EventTypes.INDICATOR_REPORTED, data));
    }

    @Test
    void budgetReportedAsWrittenIsValid() {
        Money planned = new Money("$934.31 K", new BigDecimal("934310"));
        Budget budget = new Budget("XM-DAC-41146-MEX_D_2.1", BudgetEntityType.OUTCOME, "XM-DAC-41146-MEX_D_2.1", 2022,
                planned, null, null, new Money("$69.98 K", new BigDecimal("69980")), null, null,
                List.of(new FundingContribution("Mexico", 2022, new Money("$98,145", new BigDecimal("98145")),
                        new Money("$98,145", new BigDecimal("98145")), new Money("$0", BigDecimal.ZERO), new LineRange(58, 63))),
                new LineRange(33, 38));
        JsonNode data = JSON.valueToTree(new BudgetReported(DOCUMENT, budget));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.BUDGET_REPORTED, data));
    }

    @Test
    void indicatorChangedAsWrittenIsValid() {
        CatalogIndicator indicator = new CatalogIndicator("MEX_D_2.1.1::SP_D_0.1.h", "SP_D_0.1.h", "Number of dialogues (CO)",
                "number of dialogues (co)", "XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1.1", "MEX_D_2.1.1", "MEX", List.of("Common"),
                List.of("MEX_D_2.1.1::number of dialogues (co)"), Map.of("statement", PROVENANCE),
                List.of(new CatalogObservation(null, ObservationKind.BASELINE, 1, false, TBD.printedAs("TBDTBD"),
                                new Provenance(DOCUMENT_ID, "page.txt", LineRange.of(50), null, AsOfBasis.NONE,
                                        "https://example.org/results?year=2023"), List.of()),
                        new CatalogObservation(2022, ObservationKind.RESULT, 1, false, SEVEN, PROVENANCE,
                                List.of(new CatalogObservation.Conflict(new ObservedValue("6", ValueType.NUMBER,
                                        new BigDecimal("6"), null), PROVENANCE))),
                        new CatalogObservation(2023, ObservationKind.MILESTONE, 2, false,
                                new ObservedValue("3 (new)", ValueType.TEXT, null, null), PROVENANCE, List.of()),
                        new CatalogObservation(2025, ObservationKind.TARGET, 1, true, TBD, PROVENANCE, List.of())));
        JsonNode data = JSON.valueToTree(new IndicatorChanged(indicator.id(), 2, List.of("observations"), AT, indicator));

        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_INDICATOR, data));
        assertFalse(data.has("mergedInto"), "an ordinary change has no mergedInto");
    }

    @Test
    void mergedIntoChangeIsValidAndNeedsItsTarget() {
        JsonNode data = JSON.valueToTree(new IndicatorChanged("MEX_D_2.1.1::number of dialogues (co)", 2,
                List.of("mergedInto"), AT, null, "MEX_D_2.1.1::SP_D_0.1.h"));
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_INDICATOR, data));

        ObjectNode orphan = ((ObjectNode) data).deepCopy();
        orphan.remove("mergedInto");
        assertFalse(EventSchemas.violations(EventTypes.CATALOG_INDICATOR, orphan).isEmpty());
    }

    @Test
    void budgetAndFundingChangedAsWrittenAreValid() {
        CatalogMoney planned = new CatalogMoney("$934.31 K", new BigDecimal("934310"), PROVENANCE);
        CatalogBudget budget = new CatalogBudget("XM-DAC-41146-MEX_D_2.1/2021", "XM-DAC-41146-MEX_D_2.1",
                BudgetEntityType.OUTCOME, "XM-DAC-41146-MEX_D_2.1", "MEX", 2021, planned, planned, null, null, null, planned);
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_BUDGET,
                JSON.valueToTree(new BudgetChanged(budget.id(), 1, List.of("planned"), AT, budget))));

        CatalogFunding funding = new CatalogFunding("XM-DAC-41146-MEX_D_4.1", "MEX",
                List.of(new CatalogFunding.Contribution("Mexico", null, 2022, planned, planned, null, null, null),
                        new CatalogFunding.Contribution("Spain", "OECD-DAC donor", 2022, planned, null, planned,
                                BigDecimal.ZERO, new BigDecimal("100"))));
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_FUNDING,
                JSON.valueToTree(new FundingChanged(funding.outcomeId(), 1, List.of("contributions"), AT, funding))));
    }

    @Test
    void everyEventTypeHasASchema() throws Exception {
        for (java.lang.reflect.Field field : EventTypes.class.getFields()) {
            String type = (String) field.get(null);
            assertTrue(EventSchemas.class.getResource("/schemas/" + type + ".json") != null, type);
        }
    }
}
