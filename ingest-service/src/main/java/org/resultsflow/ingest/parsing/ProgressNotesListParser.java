package org.resultsflow.ingest.parsing;

import java.util.List;
import java.util.OptionalInt;
import org.resultsflow.contracts.results.Outcome;

/**
 * Progress-notes list: for each outcome an {@code outcome <id>} line, the statement line and the narrative.
 * The list declares no year; a note's year is the one year its opening sentence reports on ("... during
 * 2024."). When the opening names no year, or several, the note is skipped with a warning.
 */
final class ProgressNotesListParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        List<Outcome> outcomes = NarrativeSections.read(ctx, 1, ProgressNotesListParser::yearFromOpening);
        return new Result(outcomes, List.of(), List.of());
    }

    static OptionalInt yearFromOpening(String narrative, int line, String outcome, ParseContext ctx) {
        OptionalInt year = Narratives.openingYear(narrative);
        if (year.isEmpty()) {
            ctx.warn(line, "progress note of " + outcome + ": its opening sentence names no single year; note skipped");
        }
        return year;
    }
}
