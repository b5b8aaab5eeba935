package org.resultsflow.ingest.parsing.iati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.results.Activity;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.Classification;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.MoneyFlow;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.Organisation;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.Reference;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.Layout;

/**
 * The IATI Standard's annotated activity example, read value by value: every figure and code below was
 * checked against the example file (line numbers are the file's).
 */
class AnnotatedActivityTest {

    static final String ID = "AA-AAA-123456789-ABC123";
    static final String RESULT = ID + "/R1";
    /** The reporting organisation: the activity's office, on the outcome and on each of its records. */
    static final String OFFICE = "AA-AAA-123456789";
    static Extraction extraction;

    @BeforeAll
    static void read() throws Exception {
        extraction = IatiParser.parse(IatiSamples.bytes(IatiSamples.ANNOTATED), "https://example.org/activities.xml");
    }

    @Test
    void theDocument() {
        assertEquals(Layout.IATI_ACTIVITIES, extraction.layout());
        assertEquals(LocalDate.of(2014, 9, 10), extraction.facts().declaredAsOf(), "generated-datetime");
        assertEquals("AA-AAA-123456789", extraction.facts().office());
        assertEquals("https://example.org/activities.xml", extraction.facts().source());
        assertEquals(473, extraction.facts().lineCount());
        assertEquals(List.of(), extraction.warnings(), "the standard's own example is valid against 2.03");
    }

    @Test
    void theActivityIsTheUnitThatOwnsResultsAndBudgets() {
        assertEquals(1, extraction.outcomes().size());
        Outcome o = extraction.outcomes().get(0);
        assertEquals(ID, o.id());
        assertEquals(ID, o.code());
        assertEquals(OFFICE, o.office());
        assertEquals("Activity title", o.statement());
        assertEquals("General activity description text.  Long description of the activity with no particular structure.",
                o.description());
        assertEquals(new LineRange(8, 469), o.lines());
        Activity a = o.activity();
        assertEquals(ID, a.identifier());
        assertEquals(new Organisation("AA-AAA-123456789", "40", null, "Organisation name", null), a.reportingOrg());
        assertEquals("USD", a.defaultCurrency());
        assertEquals("2", a.status());
        assertEquals(List.of(new Activity.Date("PLANNED_START", LocalDate.of(2012, 4, 15), "2012-04-15"),
                new Activity.Date("ACTUAL_START", LocalDate.of(2012, 4, 28), "2012-04-28"),
                new Activity.Date("PLANNED_END", LocalDate.of(2015, 12, 31), "2015-12-31")), a.dates());
        assertEquals(List.of(new Classification(null, "AF", "25", null, null),
                new Classification(null, "AG", "25", null, null)), a.recipientCountries());
        assertEquals(List.of(new Classification("1", "489", "25", null, null),
                new Classification("99", "A1", "25", null, null)), a.recipientRegions());
        assertEquals(List.of(new Classification("2", "111", "50", null, null),
                new Classification("2", "112", "50", null, null),
                new Classification("99", "A1", "100", null, "A description of the sector")), a.sectors());
        assertEquals(List.of(new Classification("1", "2", null, "3", null), new Classification("1", "9", null, "4", null),
                new Classification("99", "A1", null, "3", null)), a.policyMarkers());
        assertEquals(List.of(
                new Organisation("BB-BBB-123456789", "40", "FUNDING", "Name of Agency B", "BB-BBB-123456789-1234"),
                new Organisation("CC-CCC-123456789", "10", "ACCOUNTABLE", "Name of Agency C", "CC-CCC-123456789-1234"),
                new Organisation("AA-AAA-123456789", "21", "EXTENDING", "Name of Agency A", "AA-AAA-123456789-1234")),
                a.participatingOrgs());
    }

    @Test
    void theResultIsAnOutputOfTheActivityWithItsType() {
        Output r = extraction.outcomes().get(0).outputs().get(0);
        assertEquals(1, extraction.outcomes().get(0).outputs().size());
        assertEquals(RESULT, r.code());
        assertEquals("Result title", r.statement());
        assertEquals("Result description text", r.description());
        assertEquals("OUTPUT", r.resultType());
        assertEquals(Boolean.TRUE, r.aggregationStatus());
        assertEquals(List.of(new Reference("99", "B1", "http://example.com/indicators.html")), r.references());
        assertEquals(new LineRange(325, 440), r.lines());
    }

    @Test
    void theIndicatorWithMeasureDirectionAndReferences() {
        assertEquals(1, extraction.indicators().size());
        Indicator i = extraction.indicators().get(0);
        assertEquals(RESULT + "::I1", i.key());
        assertEquals("I1", i.code());
        assertEquals(ID, i.outcomeId());
        assertEquals(RESULT, i.outputCode());
        assertEquals("Indicator title", i.statement());
        assertEquals("indicator title", i.normalisedStatement());
        assertEquals("Indicator description text", i.description());
        assertEquals("UNIT", i.measure());
        assertEquals(Boolean.TRUE, i.ascending());
        assertEquals(Boolean.TRUE, i.aggregationStatus());
        assertEquals(List.of(new Reference("1", "3429", null), new Reference("7", "861", null),
                new Reference("99", "B1", "http://example.com/indicators.html")), i.references());
        assertEquals(new LineRange(349, 438), i.lines());
        assertEquals(OFFICE, i.office());
    }

    @Test
    void baselineTargetAndActualKeepTheirPeriodDimensionsCommentAndLocations() {
        List<Observation> observations = extraction.indicators().get(0).observations();
        List<Dimension> femaleAdult = List.of(new Dimension("sex", "female"), new Dimension("age", "adult"));
        List<String> locations = List.of("AF-KAN", "KH-PNH");
        assertEquals(List.of(
                new Observation(2012, ObservationKind.BASELINE, 1, false, number("10"), new LineRange(371, 390),
                        LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 1), femaleAdult, "Baseline comment text", locations),
                new Observation(2013, ObservationKind.MILESTONE, 1, false, number("10"), new LineRange(396, 415),
                        LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 31), femaleAdult, "Target comment text", locations),
                new Observation(2013, ObservationKind.RESULT, 1, false, number("11"), new LineRange(416, 435),
                        LocalDate.of(2013, 1, 1), LocalDate.of(2013, 3, 31), femaleAdult, "Actual comment text", locations)),
                observations);
    }

    @Test
    void budgetsPlannedDisbursementsAndTransactionsStayInTheirCurrencyByYear() {
        Money eur3000 = new Money("3000", null, "EUR", new BigDecimal("3000"), LocalDate.of(2014, 1, 1));
        Money eur1000 = new Money("1000", null, "EUR", new BigDecimal("1000"), LocalDate.of(2012, 1, 1));
        LocalDate jan1 = LocalDate.of(2014, 1, 1);
        LocalDate dec31 = LocalDate.of(2014, 12, 31);
        assertEquals(List.of(
                new Budget(ID, BudgetEntityType.OUTCOME, ID, 2014, eur3000, null, null, null, null, null, List.of(),
                        new LineRange(231, 257), List.of(
                                new MoneyFlow(MoneyFlow.Kind.BUDGET, "ORIGINAL", "INDICATIVE", jan1, dec31, null, eur3000,
                                        null, null, new LineRange(231, 235)),
                                new MoneyFlow(MoneyFlow.Kind.PLANNED_DISBURSEMENT, "ORIGINAL", null, jan1, dec31, null,
                                        eur3000, "Agency B", "Agency A", new LineRange(239, 249)),
                                new MoneyFlow(MoneyFlow.Kind.PLANNED_DISBURSEMENT, "ORIGINAL", null, jan1, dec31, null,
                                        eur3000, null, null, new LineRange(253, 257))), OFFICE),
                new Budget(ID, BudgetEntityType.OUTCOME, ID, 2012, null, null, null, null, null, null,
                        List.of(new FundingContribution("Agency B", null, 2012, eur1000, null, null, null, null,
                                new LineRange(265, 288), 1)),
                        new LineRange(265, 288), List.of(
                                new MoneyFlow(MoneyFlow.Kind.TRANSACTION, "INCOMING_FUNDS", null, null, null,
                                        LocalDate.of(2012, 1, 1), eur1000, "Agency B", "Agency A",
                                        new LineRange(265, 288))), OFFICE)),
                extraction.budgets());
        assertNull(extraction.budgets().get(0).planned().usd(), "EUR is never converted to USD");
    }

    @Test
    void aBudgetPeriodEndingInTheFirstHalfCountsToThePreviousYear() {
        assertEquals(2013, ActivityMapper.budgetYear(LocalDate.of(2014, 3, 31)));
        assertEquals(2013, ActivityMapper.budgetYear(LocalDate.of(2014, 6, 30)));
        assertEquals(2014, ActivityMapper.budgetYear(LocalDate.of(2014, 7, 31)));
        assertEquals(2014, ActivityMapper.budgetYear(LocalDate.of(2014, 12, 31)));
        assertNull(ActivityMapper.budgetYear(null));
    }

    /**
     * The constructed budget-years.xml: the budget of July 2014 – June 2015 is 2014's, the expenditure of March 2015
     * is 2015's (a transaction counts to the calendar year of its date), and a USD budget stays beside EUR
     * expenditure, neither converted.
     */
    @Test
    void aBudgetYearAgainstTheExpenditureOfThatCalendarYear() throws Exception {
        Extraction constructed = IatiParser.parse(IatiSamples.bytes(IatiSamples.BUDGET_YEARS), null);
        assertEquals(List.of(), constructed.warnings());
        java.util.Map<Integer, Budget> byYear = new java.util.TreeMap<>();
        constructed.budgets().forEach(b -> byYear.put(b.reportingYear(), b));
        assertEquals(List.of(2014, 2015, 2016), List.copyOf(byYear.keySet()));
        assertEquals(new BigDecimal("1200"), byYear.get(2014).planned().amount());
        assertEquals("EUR", byYear.get(2014).planned().currency());
        assertEquals(new BigDecimal("300"), byYear.get(2014).expenses().amount());
        assertNull(byYear.get(2015).planned());
        assertEquals(new BigDecimal("600"), byYear.get(2015).expenses().amount());
        assertEquals("USD", byYear.get(2016).planned().currency());
        assertEquals(new BigDecimal("500"), byYear.get(2016).planned().usd());
        assertEquals("EUR", byYear.get(2016).expenses().currency());
        byYear.values().forEach(b -> assertEquals("XX-TEST-1", b.office()));
    }

    /**
     * The constructed incoming-funds.xml: Agency B's two transactions of 2015 are two contributions (sequence 1 and 2,
     * each with its value, currency, value date and lines), Agency C's is one in US dollars; none is converted.
     */
    @Test
    void twoIncomingFundsOfOneProviderAndYearAreTwoContributions() throws Exception {
        Extraction constructed = IatiParser.parse(IatiSamples.bytes(IatiSamples.INCOMING_FUNDS), null);
        assertEquals(List.of(), constructed.warnings());
        Budget y2015 = only(constructed.budgets());
        assertEquals(2015, y2015.reportingYear());
        assertEquals(List.of(
                new FundingContribution("Agency B", null, 2015, Money.in("400", "EUR", new BigDecimal("400"),
                        LocalDate.of(2015, 3, 1)), null, null, null, null, new LineRange(24, 31), 1),
                new FundingContribution("Agency C", null, 2015, Money.in("1000", "USD", new BigDecimal("1000"),
                        LocalDate.of(2015, 6, 30)), null, null, null, null, new LineRange(32, 39), 1),
                new FundingContribution("Agency B", null, 2015, Money.in("250", "EUR", new BigDecimal("250"),
                        LocalDate.of(2015, 9, 1)), null, null, null, null, new LineRange(40, 47), 2)),
                y2015.funding());
        assertNull(y2015.funding().get(0).total().usd(), "EUR is never converted to USD");
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items::toString);
        return items.get(0);
    }

    private static ObservedValue number(String raw) {
        return new ObservedValue(raw, ValueType.NUMBER, new BigDecimal(raw), null);
    }
}
