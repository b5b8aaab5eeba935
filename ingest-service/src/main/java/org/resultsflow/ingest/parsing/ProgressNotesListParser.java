package org.resultsflow.ingest.parsing;

import java.util.List;
import org.resultsflow.contracts.results.Outcome;

/**
 * Progress-notes list: for each outcome an {@code outcome <id>} line, the statement line and the narrative.
 * A note's year is decided by {@link NoteYears}: the page's or its address's year, else the note's own.
 */
final class ProgressNotesListParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        List<Outcome> outcomes = NarrativeSections.read(ctx, 1);
        return new Result(outcomes, List.of(), List.of());
    }
}
