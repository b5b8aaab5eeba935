package org.resultsflow.ingest.parsing;

import java.util.List;
import org.resultsflow.contracts.results.Outcome;

/**
 * Country progress report: a title {@code Progress in <country> country in <year>}, {@code Data as of:
 * <date>}, then {@code OUTCOME <id>} sections with statement and narrative paragraphs. Every note is of the
 * year the title declares ({@link NoteYears}); a note whose opening names another year is kept with the
 * title's year and a warning.
 */
final class CountryProgressReportParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        List<Outcome> outcomes = NarrativeSections.read(ctx, 1);
        return new Result(outcomes, List.of(), List.of());
    }
}
