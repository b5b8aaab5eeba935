package org.resultsflow.contracts.results;

/**
 * A narrative on an outcome or output.
 *
 * @param year the year the note reports on; null when neither the page nor the note states it
 * @param yearBasis where the year came from
 * @param sequence 1-based rank among the notes of the same entity and year in the document (a page can
 *     show two notes under the same title)
 * @param status the status class the narrative states ({@code ACHIEVED}, {@code NOT_ACHIEVED_BUT_PROGRESS},
 *     {@code SIGNIFICANT_PROGRESS}, {@code ON_TRACK}, …), or {@code UNSTATED}
 * @param partial whether the document ends inside the note: the text is what is shown, never completed
 */
public record ProgressNote(Integer year, YearBasis yearBasis, int sequence, String status, String text,
        boolean partial, LineRange lines) {

    public ProgressNote {
        if (sequence < 1) {
            sequence = 1;
        }
        if (yearBasis == null) {
            yearBasis = year == null ? YearBasis.NONE : YearBasis.PAGE;
        }
    }

    /** Where a note's year came from, strongest first. */
    public enum YearBasis {
        /** the page states the year it shows ({@code Showing data of : 2021}, a report title) */
        PAGE,
        /** the page's address ({@code ?year=2023}) */
        ADDRESS,
        /** the note's own text ({@code … in 2022}) */
        NOTE,
        NONE
    }
}
