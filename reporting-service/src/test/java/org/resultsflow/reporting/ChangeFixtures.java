package org.resultsflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/** Catalog values and changes as tests of several packages build them: observed values, observations, changes. */
public final class ChangeFixtures {

    /** Where test values come from: the catalog's contract gives every value its provenance. */
    public static final Provenance SOURCE = new Provenance("0".repeat(63) + "2", "test.txt", LineRange.of(1),
            LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);

    private ChangeFixtures() {
    }

    public static CatalogObservation obs(Integer year, ObservationKind kind, ObservedValue value) {
        return obs(year, kind, 1, value);
    }

    public static CatalogObservation obs(Integer year, ObservationKind kind, int sequence, ObservedValue value) {
        return new CatalogObservation(year, kind, sequence, false, value, SOURCE, List.of());
    }

    public static ObservedValue text(String raw) {
        return new ObservedValue(raw, ValueType.TEXT, null, null);
    }

    public static ObservedValue n(int value) {
        return new ObservedValue(Integer.toString(value), ValueType.NUMBER, BigDecimal.valueOf(value), null);
    }

    public static ObservedValue pct(String raw, double value) {
        return new ObservedValue(raw, ValueType.PERCENT, BigDecimal.valueOf(value), null);
    }

    public static ObservedValue bool(String raw, boolean value) {
        return new ObservedValue(raw, ValueType.BOOLEAN, null, value);
    }

    public static ObservedValue marker(String raw) {
        return new ObservedValue(raw, ValueType.MARKER, null, null);
    }

    public static BudgetChanged budget(String id, String outcome, long version, String planned) {
        BigDecimal usd = new BigDecimal(planned.replaceAll("[^0-9]", "")).movePointRight(6);
        CatalogBudget budget = new CatalogBudget(id, id.substring(0, id.indexOf('/')), BudgetEntityType.OUTPUT, outcome,
                null, 2022, new CatalogMoney(planned, usd, SOURCE), new CatalogMoney("$500 K", new BigDecimal(500000), SOURCE),
                null, null, null, null);
        return new BudgetChanged(id, version, List.of("planned"), Instant.parse("2024-01-0" + version + "T00:00:00Z"), budget);
    }

    public static IndicatorChanged indicator(String id, String outcome, String output, long version, int result) {
        CatalogIndicator indicator = new CatalogIndicator(id, id.substring(id.indexOf("::") + 2), "Number of things", "number of things",
                outcome, output, output, null, List.of(), List.of(), Map.of(), new ArrayList<>(List.of(
                        obs(2022, ObservationKind.MILESTONE, n(4)),
                        obs(2022, ObservationKind.RESULT, n(result)))));
        return new IndicatorChanged(id, version, List.of("observations"), Instant.parse("2024-01-0" + version + "T00:00:00Z"),
                indicator);
    }

    public static FundingChanged funding(String outcome, long version, int total) {
        CatalogFunding funding = new CatalogFunding(outcome, null, List.of(new CatalogFunding.Contribution("Partner", "OECD-DAC donor", 2022,
                new CatalogMoney("$" + total, BigDecimal.valueOf(total), SOURCE), null, null, new BigDecimal("100"),
                BigDecimal.ZERO)));
        return new FundingChanged(outcome, version, List.of("contributions"), Instant.parse("2024-01-0" + version + "T00:00:00Z"),
                funding);
    }
}
