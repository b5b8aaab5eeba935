package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;

/**
 * A progress-notes list without outcome headers: the later pages of a list, or a list under the glued
 * country header. Each entry is a title line followed by its note's paragraphs; footnote lines
 * ({@code [1] …}) close a note. The page does not say whether a title is an outcome or an output: it is read
 * as an outcome when it reads as one (an outcome statement's horizon, {@code By 2025, …}, or a note speaking
 * of "the outcome"), otherwise as an output; either way without a code, and a warning says so.
 */
final class HeadlessNotes {

    private static final Pattern FOOTNOTE = Pattern.compile("^\\[\\d{1,3}]\\s*\\S.*");
    private static final Pattern OUTCOME_TITLE = Pattern.compile("(?i)^(?:by|in) (?:19|20)\\d{2}\\b.*");
    private static final Pattern OUTCOME_NOTE = Pattern.compile("(?i)^(?:the|this) outcome\\b.*");

    private HeadlessNotes() {
    }

    /** The first line at or after {@code from} that is neither blank nor boilerplate; {@code size()+1} if none. */
    static int firstContent(SourceText t, int from) {
        int i = from;
        while (i <= t.size() && (t.isBlank(i) || Boilerplate.isBoilerplate(t.line(i)))) {
            i++;
        }
        return i;
    }

    /** A title: one short line, not a footnote, not a lead-in to a list. */
    static boolean isTitle(String line) {
        return line.length() <= 250 && !FOOTNOTE.matcher(line).matches() && !line.endsWith(":");
    }

    static LayoutParser.Result read(ParseContext ctx) {
        SourceText t = ctx.text;
        OutcomeDraft page = new OutcomeDraft(null, 1);
        List<OutcomeDraft> outcomes = new ArrayList<>();
        int i = firstContent(t, 1);
        while (i <= t.size() && !Boilerplate.isPageEnd(t.line(i))) {
            int title = i;
            int j = firstContent(t, title + 1);
            if (!isTitle(t.line(title)) || j > t.size()) {
                if (j > t.size() && isTitle(t.line(title))) {
                    ctx.warn(title, "a title without a note at the end of the page ('" + t.line(title) + "'); not kept");
                } else {
                    ctx.warn(title, "a note paragraph with no title above it (its outcome or output is not shown);"
                            + " not kept: '" + abbreviate(t.line(title)) + "'");
                }
                i = nextEntry(t, title);
                continue;
            }
            List<String> text = new ArrayList<>();
            int first = j;
            int last = j;
            boolean footnotes = false;
            while (j <= t.size() && !Boilerplate.isPageEnd(t.line(j))) {
                String l = t.line(j);
                boolean footnote = FOOTNOTE.matcher(l).matches();
                if (footnotes && !footnote || !text.isEmpty() && isTitle(l) && !footnote && startsEntry(t, j)) {
                    break;
                }
                footnotes |= footnote;
                text.add(l);
                last = j;
                j = firstContent(t, j + 1);
            }
            String narrative = String.join("\n", text);
            String label = "'" + abbreviate(t.line(title)) + "'";
            ProgressNote note = Notes.read(ctx, narrative, first, last, label);
            if (OUTCOME_TITLE.matcher(t.line(title)).matches() || OUTCOME_NOTE.matcher(narrative).matches()) {
                OutcomeDraft o = new OutcomeDraft(null, title);
                o.statement = t.line(title);
                o.planPeriod = ctx.planPeriod();
                o.addNote(note, ctx);
                ctx.warn(title, "the page shows no outcome code; " + label + " reads as an outcome statement, its id is"
                        + " not known");
                outcomes.add(o);
            } else {
                page.addOutput(ctx, new Output(null, t.line(title), List.of(note), new LineRange(title, last)));
                ctx.warn(title, "the page shows no code; " + label + " is read as an output, its outcome not known");
            }
            i = j;
        }
        List<Outcome> built = new ArrayList<>();
        outcomes.forEach(o -> built.add(o.build()));
        if (!page.outputs.isEmpty()) {
            built.add(page.build());
        }
        return new LayoutParser.Result(built, List.of(), List.of());
    }

    /** A title followed by a paragraph: where the next entry starts. */
    private static boolean startsEntry(SourceText t, int i) {
        int next = firstContent(t, i + 1);
        return next <= t.size() && t.line(next).length() >= 150 && t.line(i).length() < 200
                && !t.line(i).matches(".*[.!?]$");
    }

    private static int nextEntry(SourceText t, int from) {
        int j = firstContent(t, from + 1);
        while (j <= t.size() && !(isTitle(t.line(j)) && startsEntry(t, j))) {
            j = firstContent(t, j + 1);
        }
        return j;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
