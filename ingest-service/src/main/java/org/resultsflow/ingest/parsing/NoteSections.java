package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.rules.NormalisedStatement;

/**
 * The progress notes section of an outcome's summary ({@code Outcome progress note for the year}): a title
 * line (the outcome's statement, or an output's), then its note, then the next title. A note under the
 * outcome's statement is the outcome's; under another title it is the note of that output (whose code the
 * page does not show).
 */
final class NoteSections {

    private NoteSections() {
    }

    /** Reads the section that starts at {@code from} (the line after its title). */
    static void read(ParseContext ctx, OutcomeDraft outcome, int from) {
        SourceText t = ctx.text;
        String statementKey = outcome.statement == null ? null : NormalisedStatement.of(outcome.statement);
        int i = t.nextNonBlank(from);
        while (i <= t.size() && !isNotesEnd(t.line(i))) {
            int title = i;
            List<String> text = new ArrayList<>();
            int first = t.nextNonBlank(title + 1);
            int last = first;
            int j = first;
            while (j <= t.size() && !isNotesEnd(t.line(j)) && (text.isEmpty() || !isTitle(t.line(j), statementKey))) {
                text.add(t.line(j));
                last = j;
                j = t.nextNonBlank(j + 1);
            }
            i = j;
            if (text.isEmpty()) {
                ctx.warn(title, "a title without a progress note after it; not kept");
                continue;
            }
            String narrative = String.join("\n", text);
            boolean ofOutcome = statementKey != null && NormalisedStatement.of(t.line(title)).equals(statementKey);
            String label = ofOutcome ? outcome.label() : "output '" + t.line(title) + "'";
            ProgressNote note = Notes.read(ctx, narrative, first, last, label);
            if (ofOutcome) {
                outcome.cover(new LineRange(title, last));
                outcome.addNote(note, ctx);
            } else {
                outcome.addOutput(ctx, new Output(null, t.line(title), List.of(note), new LineRange(title, last)));
            }
        }
    }

    private static boolean isNotesEnd(String line) {
        return line.matches("(?i)^strategic plan contributions$") || Boilerplate.isPageEnd(line);
    }

    /** A title: the outcome's statement, or a short line that does not end a sentence. */
    private static boolean isTitle(String line, String statementKey) {
        return statementKey != null && NormalisedStatement.of(line).equals(statementKey)
                || line.length() <= 250 && !line.matches(".*[.!?:;,]$");
    }
}
