package org.resultsflow.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.MoneyFlow;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * What an IATI activity file adds reaches the canonical indicator: its declared direction and measure, and
 * observations per period and dimension set, the target and the actual of each kept apart from the others'.
 */
class IatiValuesTest {

    static final String OUTCOME = "AA-AAA-123456789-ABC123";
    static final String RESULT = OUTCOME + "/R1";
    static final String INDICATOR = RESULT + "::I1";
    static final String OFFICE = "AA-AAA-123456789";

    @Test
    void theCanonicalIndicatorKeepsDirectionPeriodsAndDimensions() throws Exception {
        SourceDocument document = new SourceDocument("cd".repeat(32), "activities.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2014, 9, 10), AsOfBasis.DECLARED_DATE);
        List<Dimension> women = List.of(new Dimension("sex", "female"));
        List<Dimension> men = List.of(new Dimension("sex", "male"));
        LocalDate start = LocalDate.of(2013, 1, 1);
        LocalDate end = LocalDate.of(2013, 3, 31);
        Indicator indicator = new Indicator(INDICATOR, "I1", "Indicator title", "indicator title", OUTCOME, RESULT,
                List.of(), List.of(
                        value(ObservationKind.MILESTONE, start, end, women, "10", 10),
                        value(ObservationKind.RESULT, start, end, women, "11", 20),
                        value(ObservationKind.MILESTONE, start, end, men, "9", 30),
                        value(ObservationKind.RESULT, start, end, men, "text", 40)),
                false, new LineRange(5, 50), "UNIT", false, true, "Indicator description text", List.of(),
                OFFICE);
        String id = UUID.nameUUIDFromBytes((document.id() + "/" + INDICATOR).getBytes(StandardCharsets.UTF_8)).toString();
        InMemoryCatalog catalog = new InMemoryCatalog();
        List<CatalogEngine.Change> changes = catalog.apply(List.of(new ReceivedEvent<Object>(id,
                EventTypes.INDICATOR_REPORTED, new IndicatorReported(document, indicator))), true);
        for (CatalogEngine.Change change : changes) {
            assertEquals(List.of(), EventSchemas.violations(change.eventType(), change.payload()), change.payload().toString());
        }
        String state = catalog.dump().get(CatalogEngine.recordKey(RecordType.INDICATOR, INDICATOR));
        assertNotNull(state, "no canonical indicator in " + catalog.dump().keySet());
        JsonNode canonical = InMemoryCatalog.JSON.readTree(state);
        assertEquals(false, canonical.get("ascending").asBoolean(), "the declared direction: lower is better");
        assertEquals("UNIT", canonical.get("measure").asText());
        JsonNode observations = canonical.get("observations");
        assertEquals(4, observations.size(), observations.toString());
        for (JsonNode o : observations) {
            assertEquals("2013-01-01", o.get("periodStart").asText());
            assertEquals("2013-03-31", o.get("periodEnd").asText());
            assertEquals(1, o.get("dimensions").size());
        }
        JsonNode menActual = null;
        for (JsonNode o : observations) {
            if ("male".equals(o.at("/dimensions/0/value").asText()) && "RESULT".equals(o.get("kind").asText())) {
                menActual = o;
            }
        }
        assertNotNull(menActual);
        assertEquals("TEXT", menActual.at("/value/type").asText(), "a value that is no number stays text");
        assertEquals(40, menActual.at("/provenance/lines/first").asInt());
    }

    /**
     * An IATI activity's identifier has no office in it: each record takes the office its document gives it (the
     * reporting organisation, as on the outcome), so the indicator, the budget and the funding have the outcome's
     * office in every order of arrival, also when they arrive before the outcome.
     */
    @Test
    void everyRecordOfAnActivityHasItsOfficeInEveryOrder() throws Exception {
        SourceDocument document = new SourceDocument("ab".repeat(32), "activities.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2014, 9, 10), AsOfBasis.DECLARED_DATE);
        Outcome outcome = new Outcome(OUTCOME, OUTCOME, OFFICE, null, "Activity title", null, null, null, null, null,
                null, List.of(), List.of(), new LineRange(8, 500));
        Indicator indicator = new Indicator(INDICATOR, "I1", "Indicator title", "indicator title", OUTCOME, RESULT,
                List.of(), List.of(value(ObservationKind.MILESTONE, LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 31),
                        List.of(), "10", 396)), false, new LineRange(349, 438), "UNIT", true, null, null, List.of(),
                OFFICE);
        Money eur1000 = Money.in("1000", "EUR", new BigDecimal("1000"), LocalDate.of(2012, 1, 1));
        Money eur3000 = Money.in("3000", "EUR", new BigDecimal("3000"), LocalDate.of(2014, 1, 1));
        Budget budget = new Budget(OUTCOME, BudgetEntityType.OUTCOME, OUTCOME, 2014, eur3000, null, null, null, null,
                null, List.of(), new LineRange(231, 235), List.of(new MoneyFlow(MoneyFlow.Kind.BUDGET, "ORIGINAL",
                        "INDICATIVE", LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), null, eur3000, null, null,
                        new LineRange(231, 235))), OFFICE);
        Budget funding = new Budget(OUTCOME, BudgetEntityType.OUTCOME, OUTCOME, 2012, null, null, null, null, null,
                null, List.of(new FundingContribution("Agency B", null, 2012, eur1000, null, null, null, null,
                        new LineRange(265, 288))), new LineRange(265, 288), List.of(new MoneyFlow(
                        MoneyFlow.Kind.TRANSACTION, "INCOMING_FUNDS", null, null, null, LocalDate.of(2012, 1, 1), eur1000,
                        "Agency B", "Agency A", new LineRange(265, 288))), OFFICE);
        List<ReceivedEvent<Object>> events = List.of(
                new ReceivedEvent<>("e1", EventTypes.OUTCOME_REPORTED, new OutcomeReported(document, outcome)),
                new ReceivedEvent<>("e2", EventTypes.INDICATOR_REPORTED, new IndicatorReported(document, indicator)),
                new ReceivedEvent<>("e3", EventTypes.BUDGET_REPORTED, new BudgetReported(document, budget)),
                new ReceivedEvent<>("e4", EventTypes.BUDGET_REPORTED, new BudgetReported(document, funding)));
        Map<String, String> first = null;
        for (List<ReceivedEvent<Object>> order : permutations(events)) {
            InMemoryCatalog catalog = new InMemoryCatalog();
            order.forEach(event -> catalog.apply(List.of(event), true));
            for (CatalogEngine.Change change : catalog.published()) {
                assertEquals(List.of(), EventSchemas.violations(change.eventType(), change.payload()),
                        change.payload().toString());
            }
            Map<String, String> state = catalog.dump();
            if (first == null) {
                first = state;
            }
            assertEquals(first, state, "order " + order.stream().map(ReceivedEvent::id).toList());
        }
        // outcome, indicator, the budget records of 2014 and 2012 (the year of the incoming funds), funding
        assertEquals(5, first.size(), first.keySet().toString());
        first.forEach((key, state) -> {
            try {
                assertEquals(OFFICE, InMemoryCatalog.JSON.readTree(state).get("office").asText(), key);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        JsonNode indicatorState = InMemoryCatalog.JSON.readTree(
                first.get(CatalogEngine.recordKey(RecordType.INDICATOR, INDICATOR)));
        assertEquals(349, indicatorState.at("/provenance/office/lines/first").asInt(), "the office has its provenance");

        // Amounts keep their currency, never converted.
        JsonNode planned = InMemoryCatalog.JSON.readTree(first.get(CatalogEngine.recordKey(RecordType.BUDGET,
                OUTCOME + "/2014"))).get("planned");
        assertEquals("EUR", planned.get("currency").asText(), planned.toString());
        assertEquals(0, planned.get("amount").decimalValue().compareTo(new BigDecimal("3000")), planned.toString());
        assertEquals("2014-01-01", planned.get("valueDate").asText(), planned.toString());
        assertTrue(planned.get("usd").isNull(), planned.toString());
        // The budgets and transactions themselves, each value with its own lines.
        JsonNode flow = InMemoryCatalog.JSON.readTree(first.get(CatalogEngine.recordKey(RecordType.BUDGET,
                OUTCOME + "/2012"))).at("/flows/0");
        assertEquals("INCOMING_FUNDS", flow.get("type").asText(), flow.toString());
        assertEquals("2012-01-01", flow.get("date").asText(), flow.toString());
        assertEquals("EUR", flow.at("/value/currency").asText(), flow.toString());
        assertEquals(265, flow.at("/value/provenance/lines/first").asInt(), flow.toString());
        JsonNode total = InMemoryCatalog.JSON.readTree(first.get(CatalogEngine.recordKey(RecordType.FUNDING, OUTCOME)))
                .at("/contributions/0/total");
        assertEquals("EUR", total.get("currency").asText(), total.toString());
        assertEquals(0, total.get("amount").decimalValue().compareTo(new BigDecimal("1000")), total.toString());
    }

    /**
     * A document may state an outcome's funding year by year (an IATI activity's incoming funds of two years are
     * two budget events): each event's claims replace only what that event said before, so both years'
     * contributions stay, whether the events come in one batch or in two, in either order.
     */
    @Test
    void aDocumentsFundingOfTwoYearsIsKeptWhenTheYearsArriveInSeparateBatches() throws Exception {
        SourceDocument document = new SourceDocument("ef".repeat(32), "activities.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2014, 9, 10), AsOfBasis.DECLARED_DATE);
        List<ReceivedEvent<Object>> events = List.of(
                new ReceivedEvent<>("f1", EventTypes.BUDGET_REPORTED, new BudgetReported(document, funding(2012, "Agency B", 100))),
                new ReceivedEvent<>("f2", EventTypes.BUDGET_REPORTED, new BudgetReported(document, funding(2013, "Agency C", 200))));
        List<List<List<ReceivedEvent<Object>>>> arrivals = List.of(
                List.of(events),
                List.of(List.of(events.get(0)), List.of(events.get(1))),
                List.of(List.of(events.get(1)), List.of(events.get(0))));
        Map<String, String> first = null;
        for (List<List<ReceivedEvent<Object>>> batches : arrivals) {
            InMemoryCatalog catalog = new InMemoryCatalog();
            batches.forEach(batch -> catalog.apply(batch, true));
            Map<String, String> state = catalog.dump();
            JsonNode contributions = InMemoryCatalog.JSON.readTree(state.get(CatalogEngine.recordKey(RecordType.FUNDING,
                    OUTCOME))).get("contributions");
            assertEquals(List.of("Agency B", "Agency C"), java.util.stream.StreamSupport.stream(contributions.spliterator(),
                    false).map(c -> c.get("partner").asText()).sorted().toList(), contributions.toString());
            if (first == null) {
                first = state;
            }
            assertEquals(first, state, "batches " + batches.stream().map(b -> b.stream().map(ReceivedEvent::id).toList()).toList());
        }
    }

    private static Budget funding(int year, String partner, int amount) {
        Money money = Money.in(String.valueOf(amount), "EUR", new BigDecimal(amount), LocalDate.of(year, 1, 1));
        LineRange lines = new LineRange(year - 1900, year - 1890);
        return new Budget(OUTCOME, BudgetEntityType.OUTCOME, OUTCOME, year, null, null, null, null, null, null,
                List.of(new FundingContribution(partner, null, year, money, null, null, null, null, lines)), lines,
                List.of(new MoneyFlow(MoneyFlow.Kind.TRANSACTION, "INCOMING_FUNDS", null, null, null,
                        LocalDate.of(year, 1, 1), money, partner, "Agency A", lines)), OFFICE);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new java.util.ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new java.util.ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static Observation value(ObservationKind kind, LocalDate start, LocalDate end, List<Dimension> dimensions,
            String raw, int line) {
        ObservedValue value = raw.matches("\\d+") ? new ObservedValue(raw, ValueType.NUMBER, new BigDecimal(raw), null)
                : new ObservedValue(raw, ValueType.TEXT, null, null);
        return new Observation(2013, kind, 1, false, value, new LineRange(line, line + 5), start, end, dimensions, null,
                List.of());
    }
}
