package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The shape shared by the progress-notes list and the country progress report: sections that each start
 * with an outcome header line, then the outcome statement, then the narrative (one or more paragraphs,
 * possibly split mid-sentence by page breaks) up to the next header.
 *
 * <p>Two irregularities of real pages are handled: a statement run together with the narrative on one
 * line (split after the statement's sentence when the next sentence opens a progress note), and an
 * outcome whose header is missing (a one-sentence statement followed by a new note opening inside another
 * outcome's narrative): its text is skipped with a warning rather than attached to the wrong outcome.
 */
final class NarrativeSections {

    private NarrativeSections() {
    }

    static List<Outcome> read(ParseContext ctx, int from) {
        SourceText t = ctx.text;
        List<Integer> headers = new ArrayList<>();
        Map<Integer, OutcomeId> refs = new LinkedHashMap<>();
        for (int i = from; i <= t.size(); i++) {
            Optional<OutcomeId> ref = ResultCodes.outcomeHeader(t.line(i));
            if (ref.isPresent()) {
                headers.add(i);
                refs.put(i, ref.get());
            } else if (t.line(i).matches("(?i)outcome\\s+\\S*_[A-Z]{1,2}_\\S*")) {
                ctx.warn(i, "outcome header not understood (code and id disagree?): '" + t.line(i) + "'");
            }
        }
        Map<String, OutcomeDraft> drafts = new LinkedHashMap<>();
        for (int h = 0; h < headers.size(); h++) {
            int header = headers.get(h);
            int end = h + 1 < headers.size() ? headers.get(h + 1) - 1 : t.size();
            OutcomeId ref = refs.get(header);
            OutcomeDraft draft = new OutcomeDraft(ref, header);
            readSection(ctx, draft, header + 1, end);
            if (draft.statement == null) {
                // The header alone is certain: the outcome is listed, with nothing else known about it.
                ctx.warn(header, "outcome " + ref.id() + " has no statement or narrative (document cut off?);"
                        + " only its id is kept");
            }
            OutcomeDraft seen = drafts.get(ref.id());
            if (seen == null) {
                drafts.put(ref.id(), draft);
            } else {
                merge(ctx, seen, draft, header);
            }
        }
        List<Outcome> out = new ArrayList<>();
        drafts.values().forEach(d -> out.add(d.build()));
        return out;
    }

    private static void merge(ParseContext ctx, OutcomeDraft seen, OutcomeDraft again, int header) {
        if (seen.statement == null) {
            seen.statement = again.statement;
        } else if (again.statement != null
                && !NormalisedStatement.of(seen.statement).equals(NormalisedStatement.of(again.statement))) {
            ctx.warn(header, "outcome " + seen.id + " shown again with a different statement; the statement at line "
                    + seen.lines.first() + " is kept");
        }
        boolean news = false;
        for (ProgressNote n : again.notes) {
            boolean known = seen.notes.stream().anyMatch(s -> s.text().equals(n.text()));
            news |= !known;
            seen.addNote(n, ctx);
        }
        if (!news) {
            ctx.warn(header, "outcome " + seen.id + " repeated (lines " + again.lines.first() + "-"
                    + again.lines.last() + "); the repeat adds nothing");
        }
    }

    private static void readSection(ParseContext ctx, OutcomeDraft draft, int from, int to) {
        SourceText t = ctx.text;
        int first = t.nextNonBlank(from);
        if (first > to) {
            return;
        }
        String statementLine = t.line(first);
        draft.cover(first);
        List<String> narrative = new ArrayList<>();
        int narrativeFirst = -1;
        int narrativeLast = -1;
        String rest = Narratives.sentence(statementLine, 1).isEmpty() ? "" : restAfterFirstSentence(statementLine);
        if (!rest.isEmpty() && Narratives.isNoteOpening(rest)) {
            draft.statement = statementLine.substring(0, statementLine.length() - rest.length()).trim();
            narrative.add(rest);
            narrativeFirst = first;
            narrativeLast = first;
            ctx.warn(first, "statement and narrative of " + draft.label()
                    + " run together on one line; split after the statement's sentence");
        } else {
            draft.statement = statementLine;
        }
        for (int i = first + 1; i <= to; i++) {
            if (t.isBlank(i)) {
                continue;
            }
            String line = t.line(i);
            if (!narrative.isEmpty() && looksLikeOrphanStatement(t, i, to)) {
                ctx.warn(i, "an outcome statement without an outcome header (lines " + i + "-" + lastNonBlank(t, to)
                        + "); its text is skipped, not attached to " + draft.label());
                break;
            }
            narrative.add(line);
            if (narrativeFirst < 0) {
                narrativeFirst = i;
            }
            narrativeLast = i;
        }
        if (narrative.isEmpty()) {
            ctx.warn(first, "outcome " + draft.label() + " has no progress narrative");
            return;
        }
        String text = String.join("\n", narrative);
        LineRange range = new LineRange(narrativeFirst, narrativeLast);
        draft.cover(range);
        draft.addNote(Notes.read(ctx, text, narrativeFirst, narrativeLast, draft.label()), ctx);
    }

    private static int lastNonBlank(SourceText t, int to) {
        int i = to;
        while (i > 1 && t.isBlank(i)) {
            i--;
        }
        return i;
    }

    private static String restAfterFirstSentence(String line) {
        String first = Narratives.firstSentence(line);
        int at = line.indexOf(first);
        return at < 0 ? "" : line.substring(at + first.length()).trim();
    }

    /** A single sentence followed (next non-blank line) by the opening of a progress note. */
    private static boolean looksLikeOrphanStatement(SourceText t, int i, int to) {
        String line = t.line(i);
        if (line.length() > 700 || !Narratives.sentence(line, 1).isEmpty()) {
            return false;
        }
        int next = t.nextNonBlank(i + 1);
        return next <= to && Narratives.isNoteOpening(t.line(next)) && !Narratives.isNoteOpening(line);
    }
}
