package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * Some pages (the outcome summary) never show which outcome they are about. Once the caller knows (it
 * says so, or the statement identifies the outcome), this gives the page's records that identity.
 */
public final class OutcomeAssignment {

    private OutcomeAssignment() {
    }

    /** The outcomes of an extraction that carry no id: the ones that need an identity. */
    public static List<Outcome> unidentified(Extraction extraction) {
        return extraction.outcomes().stream().filter(o -> o.id() == null).toList();
    }

    /** Reads an outcome id or code as a caller may give it ({@code MEX_D_4.1} or the full id); empty if it is neither. */
    public static Optional<String> outcomeId(String idOrCode) {
        return idOrCode == null ? Optional.empty()
                : OutcomeId.parse(idOrCode.strip()).map(OutcomeId::id);
    }

    /** The extraction with every record that has no outcome id given {@code outcomeId}. */
    public static Extraction assign(Extraction extraction, String outcomeId) {
        OutcomeId ref = OutcomeId.parse(outcomeId)
                .orElseThrow(() -> new IllegalArgumentException("not an outcome id: " + outcomeId));
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome o : extraction.outcomes()) {
            outcomes.add(o.id() != null ? o : new Outcome(ref.id(), ref.code(), ref.office(), o.planPeriod(),
                    o.statement(), o.description(), o.sdgAlignment(), o.impactAreas(), o.unSystemFunctions(),
                    o.policyMarker(), o.humanitarianScope(), o.outputs(), o.progressNotes(), o.lines(), o.activity()));
        }
        // A record that states its outcome's office (IATI) states the assigned outcome's, as the outcome now does.
        List<Budget> budgets = new ArrayList<>();
        for (Budget b : extraction.budgets()) {
            budgets.add(b.outcomeId() != null ? b : new Budget(b.entityId() != null ? b.entityId() : ref.id(),
                    b.entityType(), ref.id(), b.reportingYear(), b.planned(), b.actual(), b.expenses(),
                    b.statedShortfall(), b.core(), b.nonCore(), b.funding(), b.lines(), b.flows(),
                    b.office() == null ? null : ref.office()));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Indicator i : extraction.indicators()) {
            if (i.outcomeId() != null) {
                indicators.add(i);
                continue;
            }
            String parent = i.outputCode() != null ? i.outputCode() : ref.id();
            String key = parent + "::" + (i.code() != null ? i.code() : i.normalisedStatement());
            indicators.add(new Indicator(key, i.code(), i.statement(), i.normalisedStatement(), ref.id(),
                    i.outputCode(), i.tags(), i.observations(), i.partial(), i.lines(), i.measure(), i.ascending(),
                    i.aggregationStatus(), i.description(), i.references(), i.office() == null ? null : ref.office()));
        }
        DocumentFacts facts = extraction.facts();
        DocumentFacts assigned = facts.office() != null ? facts
                : new DocumentFacts(facts.declaredAsOf(), facts.dataYear(), ref.office(), facts.planPeriod(),
                        facts.lineCount(), facts.source());
        return new Extraction(extraction.layout(), assigned, outcomes, indicators, budgets, extraction.warnings());
    }
}
