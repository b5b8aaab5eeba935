package org.resultsflow.ingest.parsing;

import java.util.List;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Outcome;

/** Reads one layout. Implementations are stateless; all state of a parse lives in the {@link ParseContext}. */
interface LayoutParser {

    Result parse(ParseContext ctx);

    record Result(List<Outcome> outcomes, List<Indicator> indicators, List<Budget> budgets) {
    }
}
