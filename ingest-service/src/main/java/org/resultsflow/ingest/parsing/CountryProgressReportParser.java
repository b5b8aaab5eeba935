package org.resultsflow.ingest.parsing;

import java.util.List;
import java.util.OptionalInt;
import org.resultsflow.contracts.results.Outcome;

/**
 * Country progress report: a title {@code Progress in <country> country in <year>}, {@code Data as of:
 * <date>}, then {@code OUTCOME <id>} sections with statement and narrative paragraphs. Every note is of the
 * year the title declares; a note whose opening names another year contradicts the title and is skipped
 * with a warning. Without a title, the note's own opening decides, as in the progress-notes list.
 */
final class CountryProgressReportParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        Integer reportYear = ctx.declared.reportYear;
        List<Outcome> outcomes = NarrativeSections.read(ctx, 1, (text, line, outcome, c) -> {
            if (reportYear == null) {
                return ProgressNotesListParser.yearFromOpening(text, line, outcome, c);
            }
            OptionalInt own = Narratives.openingYear(text);
            if (own.isPresent() && own.getAsInt() != reportYear) {
                c.warn(line, "progress note of " + outcome + " reports on " + own.getAsInt() + " but the report is of "
                        + reportYear + "; note skipped");
                return OptionalInt.empty();
            }
            return OptionalInt.of(reportYear);
        });
        return new Result(outcomes, List.of(), List.of());
    }
}
