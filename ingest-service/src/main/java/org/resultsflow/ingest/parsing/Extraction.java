package org.resultsflow.ingest.parsing;

import java.util.List;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Outcome;

/** Everything one document says, in document order, with what was skipped. */
public record Extraction(
        Layout layout,
        DocumentFacts facts,
        List<Outcome> outcomes,
        List<Indicator> indicators,
        List<Budget> budgets,
        List<ParseWarning> warnings) {

    public Extraction {
        outcomes = List.copyOf(outcomes);
        indicators = List.copyOf(indicators);
        budgets = List.copyOf(budgets);
        warnings = List.copyOf(warnings);
    }
}
