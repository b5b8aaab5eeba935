package org.resultsflow.catalog.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.catalog.Seeds;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.catalog.service.InMemoryCatalog;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.MoneyFlow;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.rules.ReportedEventIds;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * An IATI activity's two incoming-funds transactions of one provider in one year (ingest's incoming-funds.xml) are
 * two contributions in the canonical funding, each with its own value, currency and lines, through the real broker
 * into the real database and as the in-memory driver computes it; a later document's single contribution of that
 * partner and year replaces the first one only.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class FundingContributionsOverKafkaTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final EventStreams streams = EventStreams.shared();

    @Inject
    ObjectMapper json;
    @Inject
    CanonicalRecordRepository records;

    @Test
    void twoIncomingFundsOfOneProviderAndYearStayTwoContributions() throws Exception {
        String office = CatalogTests.uniqueOffice("F");
        String outcome = office + "-INCOMING";
        SourceDocument activity = new SourceDocument("f1".repeat(32), "incoming-funds.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2016, 1, 31), AsOfBasis.DECLARED_DATE);
        Money eur400 = Money.in("400", "EUR", new BigDecimal("400"), LocalDate.of(2015, 3, 1));
        Money usd1000 = Money.in("1000", "USD", new BigDecimal("1000"), LocalDate.of(2015, 6, 30));
        Money eur250 = Money.in("250", "EUR", new BigDecimal("250"), LocalDate.of(2015, 9, 1));
        Seeds.Event event = budgetEvent(activity, budget(outcome, office, List.of(
                contribution("Agency B", eur400, 24, 31, 1),
                contribution("Agency C", usd1000, 32, 39, 1),
                contribution("Agency B", eur250, 40, 47, 2))));

        InMemoryCatalog memory = new InMemoryCatalog();
        memory.apply(List.of(event.received()), true);
        CatalogTests.publish(streams, json, event);
        CatalogTests.publish(streams, json, event); // redelivered: changes nothing
        String key = CatalogEngine.recordKey(RecordType.FUNDING, outcome);
        Map<String, String> expected = memory.dump();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(expected, CatalogTests.dump(records, office)));

        JsonNode contributions = json.readTree(CatalogTests.dump(records, office).get(key)).get("contributions");
        assertEquals(3, contributions.size(), contributions.toString());
        // In partner, year, sequence order: Agency B's two transactions, then Agency C's.
        assertContribution(contributions.get(0), "Agency B", 1, "400", "EUR", "2015-03-01", 24, 31);
        assertContribution(contributions.get(1), "Agency B", 2, "250", "EUR", "2015-09-01", 40, 47);
        assertContribution(contributions.get(2), "Agency C", 1, "1000", "USD", "2015-06-30", 32, 39);
        assertTrue(contributions.get(0).get("total").get("usd").isNull(), "EUR is never converted to USD");
        assertEquals(0, new BigDecimal("1000").compareTo(contributions.get(2).get("total").get("usd").decimalValue()));

        // A later document states one contribution of Agency B in 2015: it stands for the first, the second stays.
        SourceDocument later = new SourceDocument("f2".repeat(32), "incoming-funds-2.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2016, 6, 30), AsOfBasis.DECLARED_DATE);
        Money eur450 = Money.in("450", "EUR", new BigDecimal("450"), LocalDate.of(2015, 3, 1));
        Seeds.Event revised = budgetEvent(later, budget(outcome, office, List.of(contribution("Agency B", eur450, 24, 31, 1))));
        memory.apply(List.of(revised.received()), true);
        CatalogTests.publish(streams, json, revised);
        Map<String, String> expectedLater = memory.dump();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertEquals(expectedLater, CatalogTests.dump(records, office)));
        JsonNode after = json.readTree(CatalogTests.dump(records, office).get(key)).get("contributions");
        assertEquals(3, after.size(), after.toString());
        assertContribution(after.get(0), "Agency B", 1, "450", "EUR", "2015-03-01", 24, 31);
        assertEquals(later.id(), after.get(0).at("/total/provenance/documentId").asText());
        assertContribution(after.get(1), "Agency B", 2, "250", "EUR", "2015-09-01", 40, 47);
        assertEquals(activity.id(), after.get(1).at("/total/provenance/documentId").asText());
    }

    private static void assertContribution(JsonNode c, String partner, int sequence, String amount, String currency,
            String valueDate, int first, int last) {
        assertEquals(partner, c.get("partner").asText(), c.toString());
        assertEquals(2015, c.get("year").asInt(), c.toString());
        assertEquals(sequence, c.get("sequence").asInt(), c.toString());
        JsonNode total = c.get("total");
        assertEquals(0, new BigDecimal(amount).compareTo(total.get("amount").decimalValue()), c.toString());
        assertEquals(currency, total.get("currency").asText(), c.toString());
        assertEquals(valueDate, total.get("valueDate").asText(), c.toString());
        assertEquals(first, total.at("/provenance/lines/first").asInt(), c.toString());
        assertEquals(last, total.at("/provenance/lines/last").asInt(), c.toString());
        assertFalse(total.get("raw").isNull());
    }

    private static FundingContribution contribution(String partner, Money value, int first, int last, int sequence) {
        return new FundingContribution(partner, null, 2015, value, null, null, null, null, new LineRange(first, last),
                sequence);
    }

    private static Budget budget(String outcome, String office, List<FundingContribution> funding) {
        List<MoneyFlow> flows = funding.stream().map(c -> new MoneyFlow(MoneyFlow.Kind.TRANSACTION, "INCOMING_FUNDS",
                null, null, null, c.total().valueDate(), c.total(), c.partner(), null, c.lines())).toList();
        return new Budget(outcome, BudgetEntityType.OUTCOME, outcome, 2015, null, null, null, null, null, null, funding,
                new LineRange(24, 47), flows, office);
    }

    private static Seeds.Event budgetEvent(SourceDocument document, Budget budget) {
        return new Seeds.Event("results.budgets", EventTypes.BUDGET_REPORTED, budget.entityId(),
                ReportedEventIds.of(document.id(), EventTypes.BUDGET_REPORTED, ReportedEventIds.about(budget)),
                new BudgetReported(document, budget));
    }
}
