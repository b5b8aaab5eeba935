package org.resultsflow.ingest.parsing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A global strategic-plan outcome: its name ({@code Outcome 2: Financing for gender equality}), then its
 * statement, the SDGs it contributes to and result stories. The statement is the line after the name; the
 * outcome is the one the page's address names ({@code /sp-outcomes/SP_D_0.2/2022-2025}). The stories are
 * about countries' results, not the outcome's figures, and are not read.
 */
final class GlobalOutcomeParser implements LayoutParser {

    private static final Pattern NAME = Pattern.compile("^Outcome \\d+: .+");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int name = t.find(1, NAME);
        int statement = t.nextNonBlank(name + 1);
        OutcomeDraft outcome = new OutcomeDraft(ctx.address.outcome(), name);
        outcome.planPeriod = ctx.planPeriod();
        if (statement <= t.size() && !t.isCut(statement)) {
            outcome.statement = t.line(statement);
            outcome.cover(statement);
        }
        if (outcome.id == null) {
            ctx.warn(name, "the page does not show the outcome's code; post it with its address (source=) or outcome=");
        }
        return new Result(List.of(outcome.build()), List.of(), List.of());
    }
}
