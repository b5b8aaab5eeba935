package org.resultsflow.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.Fields;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.CatalogMoneyFlow;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.MoneyFlow;

/** The canonical budget of one entity and year, and the funding of one outcome: pure functions of claims. */
@ApplicationScoped
public class BudgetMerge {

    private final ClaimValues values;

    public BudgetMerge(ClaimValues values) {
        this.values = values;
    }

    /** The figures of a budget, in the order their conflicts are listed. */
    private static final List<String> FIGURES = List.of(Fields.PLANNED, Fields.ACTUAL, Fields.EXPENSES,
            Fields.STATED_SHORTFALL, Fields.CORE, Fields.NON_CORE);

    public CatalogBudget budget(String budgetId, Collection<Claim> claims) {
        Map<String, Claim> fields = ClaimValues.bestPerKey(claims, c -> c.field);
        String outcomeId = values.known(fields.get(Fields.OUTCOME_ID), String.class);
        return new CatalogBudget(
                budgetId,
                values.known(fields.get(Fields.ENTITY_ID), String.class),
                values.known(fields.get(Fields.ENTITY_TYPE), BudgetEntityType.class),
                outcomeId,
                Offices.of(values.known(fields.get(Fields.OFFICE), String.class), outcomeId),
                values.known(fields.get(Fields.REPORTING_YEAR), Integer.class),
                money(fields.get(Fields.PLANNED)),
                money(fields.get(Fields.ACTUAL)),
                money(fields.get(Fields.EXPENSES)),
                money(fields.get(Fields.STATED_SHORTFALL)),
                money(fields.get(Fields.CORE)),
                money(fields.get(Fields.NON_CORE)),
                flows(fields.get(Fields.FLOWS)),
                conflicts(fields, claims));
    }

    /**
     * For each figure, the known amounts other documents gave that differ from the canonical one (best first, one
     * per document and amount): a portal page and an IATI file stating one outcome's budget of one year meet in
     * one record, and the one that does not stand stays visible beside the one that does.
     */
    private List<CatalogBudget.Conflict> conflicts(Map<String, Claim> best, Collection<Claim> claims) {
        List<CatalogBudget.Conflict> conflicts = new ArrayList<>();
        for (String field : FIGURES) {
            Claim standing = best.get(field);
            if (standing == null || !standing.known) {
                continue;
            }
            Money value = values.read(standing, Money.class);
            Set<String> seen = new HashSet<>();
            claims.stream().filter(c -> field.equals(c.field) && c.known && !c.documentId.equals(standing.documentId))
                    .sorted(ClaimRanking.PRECEDENCE.reversed())
                    .forEach(c -> {
                        Money other = values.read(c, Money.class);
                        if (!sameAmount(value, other) && seen.add(c.documentId + '\u0000' + c.value)) {
                            conflicts.add(new CatalogBudget.Conflict(field, money(other, c)));
                        }
                    });
        }
        return conflicts;
    }

    /**
     * The same amount however written ({@code $934.31 K} and {@code 934310} in USD): equal US dollars, else the
     * same currency and amount, else the same text. Amounts in different currencies differ: nothing is converted.
     */
    static boolean sameAmount(Money a, Money b) {
        if (a.usd() != null && b.usd() != null) {
            return a.usd().compareTo(b.usd()) == 0;
        }
        if (a.amount() != null && b.amount() != null) {
            return Objects.equals(a.currency(), b.currency()) && a.amount().compareTo(b.amount()) == 0;
        }
        return Objects.equals(a.raw(), b.raw());
    }

    /** The flows of the best document, each value with that document and the flow's own lines. */
    private List<CatalogMoneyFlow> flows(Claim claim) {
        if (claim == null) {
            return List.of();
        }
        Provenance document = ClaimRanking.provenance(claim);
        List<MoneyFlow> flows = values.read(claim, values.listOf(MoneyFlow.class));
        return flows.stream().map(f -> new CatalogMoneyFlow(f.kind(), f.type(), f.status(), f.periodStart(),
                f.periodEnd(), f.date(), f.value() == null ? null : money(f.value(), new Provenance(document.documentId(),
                        document.documentName(), f.lines(), document.asOf(), document.asOfBasis(), document.source())),
                f.provider(), f.receiver())).toList();
    }

    public CatalogFunding funding(String outcomeId, Collection<Claim> claims) {
        Claim office = ClaimRanking.best(claims.stream().filter(c -> Fields.OFFICE.equals(c.field)).toList()).orElse(null);
        var contributions = ClaimValues.bestPerKey(claims.stream()
                        .filter(c -> ClaimMapper.CONTRIBUTION.equals(c.entityType)).toList(), c -> c.entityId)
                .values().stream()
                .map(claim -> {
                    ClaimMapper.ContributionValue value = values.read(claim, ClaimMapper.ContributionValue.class);
                    return new CatalogFunding.Contribution(value.partner(), value.partnerType(), value.year(),
                            money(value.total(), claim), money(value.development(), claim),
                            money(value.humanitarian(), claim), value.developmentShare(), value.humanitarianShare(),
                            value.rank());
                })
                .sorted(java.util.Comparator.comparing(CatalogFunding.Contribution::partner)
                        .thenComparingInt(CatalogFunding.Contribution::year)
                        .thenComparingInt(CatalogFunding.Contribution::sequence))
                .toList();
        return new CatalogFunding(outcomeId, Offices.of(values.known(office, String.class), outcomeId), contributions);
    }

    private CatalogMoney money(Claim claim) {
        return claim == null ? null : money(values.read(claim, Money.class), claim);
    }

    private static CatalogMoney money(Money money, Claim claim) {
        return money == null ? null : money(money, ClaimRanking.provenance(claim));
    }

    private static CatalogMoney money(Money money, Provenance provenance) {
        return new CatalogMoney(money.raw(), money.usd(), provenance, money.currency(), money.amount(),
                money.valueDate());
    }
}
