package org.resultsflow.ingest.parsing;

import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.ProgressNote.YearBasis;

/**
 * The year a progress note reports on, strongest evidence first:
 * <ol>
 *   <li>the year the page says it shows ({@code Showing data of : 2021}, {@code Showing field-based data of
 *       2021}, a yearly report's title): every note on it is of that year;</li>
 *   <li>the address's {@code year=}: the portal lists the notes of that year, even when a note looks back
 *       ("implemented and reported in 2022" on the 2023 list);</li>
 *   <li>the note itself: the one year its opening sentence reports on ({@code In 2022, …}), else the one
 *       year the whole note names in that way ({@code … in 2022}, {@code during the year 2021}); a year
 *       in any other phrase ({@code Q1 of 2022}, {@code since 2019}, {@code March 2022}) is about something
 *       else;</li>
 *   <li>otherwise none: the note is kept with no year, and a warning says so.</li>
 * </ol>
 */
final class NoteYears {

    private static final Pattern YEAR_IN = Pattern.compile(
            "\\b(?:in|during|for|throughout|over)\\s+(?:the\\s+(?:year\\s+(?:of\\s+)?)?)?((?:19|20)\\d{2})\\b(?!\\s*[-\u2013]\\s*(?:19|20)\\d{2})",
            Pattern.CASE_INSENSITIVE);

    /** A note's year and where it came from; {@code year} is null with {@link YearBasis#NONE}. */
    record NoteYear(Integer year, YearBasis basis) {
    }

    private NoteYears() {
    }

    static NoteYear of(ParseContext ctx, String narrative, int line, String label) {
        Integer page = ctx.pageYear();
        OptionalInt own = stated(narrative);
        if (page != null) {
            if (own.isPresent() && own.getAsInt() != page) {
                ctx.warn(line, "progress note of " + label + " speaks of " + own.getAsInt() + "; the page shows "
                        + page + ", the note is kept as of " + page);
            }
            return new NoteYear(page, YearBasis.PAGE);
        }
        if (ctx.address.year() != null) {
            return new NoteYear(ctx.address.year(), YearBasis.ADDRESS);
        }
        if (own.isPresent()) {
            return new NoteYear(own.getAsInt(), YearBasis.NOTE);
        }
        ctx.warn(line, "progress note of " + label + ": neither the page, its address nor the note states the year"
                + " it reports on; kept without a year");
        return new NoteYear(null, YearBasis.NONE);
    }

    /** The one year the note states it reports on, if it states exactly one. */
    static OptionalInt stated(String narrative) {
        OptionalInt opening = single(Narratives.firstSentence(narrative));
        return opening.isPresent() ? opening : single(narrative);
    }

    private static OptionalInt single(String text) {
        TreeSet<Integer> years = new TreeSet<>();
        Matcher m = YEAR_IN.matcher(text);
        while (m.find()) {
            years.add(Integer.valueOf(m.group(1)));
        }
        return years.size() == 1 ? OptionalInt.of(years.first()) : OptionalInt.empty();
    }
}
