package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.rules.NormalisedStatement;

/**
 * An outcome page rendered as text alone: no codes, labels or numbers. The outcome's title opens each of
 * its sections, so the repeated title is the structure: after the first copy comes the outcome's
 * description; after the second, the results section, where the lines that are not tooltips or caveats are
 * the outputs' statements (their codes are not shown); after the third, the progress note. A line that
 * is the start of the title (cut by the end of the page) is the title again.
 */
final class OutcomeTextParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int first = HeadlessNotes.firstContent(t, 1);
        String title = Boilerplate.withoutLabel(t.line(first));
        String key = NormalisedStatement.of(title);
        List<Integer> copies = new ArrayList<>();
        for (int i = first; i <= t.size(); i++) {
            String line = NormalisedStatement.of(Boilerplate.withoutLabel(t.line(i)));
            if (line.equals(key) || t.isCut(i) && line.length() >= 20 && key.startsWith(line)) {
                copies.add(i);
            }
        }
        OutcomeDraft outcome = new OutcomeDraft(ctx.address.outcome(), first);
        outcome.statement = title;
        outcome.planPeriod = ctx.planPeriod();
        if (outcome.id == null) {
            ctx.warn(first, "the page shows no outcome code; post it with its address (source=) or outcome=");
        }
        for (int c = 0; c < copies.size(); c++) {
            int from = copies.get(c) + 1;
            int to = c + 1 < copies.size() ? copies.get(c + 1) - 1 : t.size();
            List<Integer> lines = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                if (!t.isBlank(i) && !Boilerplate.isBoilerplate(t.line(i)) && !Boilerplate.isLabel(t.line(i))) {
                    lines.add(i);
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            switch (c) {
                case 0 -> {
                    List<String> text = new ArrayList<>();
                    lines.forEach(i -> text.add(t.line(i)));
                    outcome.description = String.join("\n", text);
                    outcome.cover(new LineRange(lines.get(0), lines.get(lines.size() - 1)));
                }
                case 1 -> {
                    for (int i : lines) {
                        if (t.isCut(i)) {
                            ctx.warn(i, "an output statement cut by the end of the document; not kept");
                            continue;
                        }
                        outcome.addOutput(ctx, new Output(null, Boilerplate.withoutLabel(t.line(i)), LineRange.of(i)));
                    }
                }
                default -> {
                    List<String> text = new ArrayList<>();
                    lines.forEach(i -> text.add(Boilerplate.withoutLabel(t.line(i))));
                    int last = lines.get(lines.size() - 1);
                    outcome.addNote(Notes.read(ctx, String.join("\n", text), lines.get(0), last, outcome.label()), ctx);
                }
            }
        }
        return new Result(List.of(outcome.build()), List.of(), List.of());
    }
}
