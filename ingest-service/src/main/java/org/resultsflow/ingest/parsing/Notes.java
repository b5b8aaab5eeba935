package org.resultsflow.ingest.parsing;

import java.util.List;
import java.util.Objects;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.ProgressNote;

/** The progress notes of one outcome or output in one document. */
final class Notes {

    private Notes() {
    }

    /**
     * Adds a note: the same text for the same year is the page repeating itself (dropped with a warning);
     * any other note is kept, the n-th of its year with sequence n. Returns the note as added, or null.
     */
    static ProgressNote add(List<ProgressNote> notes, ProgressNote note, String label, ParseContext ctx) {
        int sequence = 1;
        for (ProgressNote n : notes) {
            if (Objects.equals(n.year(), note.year())) {
                if (n.text().equals(note.text())) {
                    ctx.warn(note.lines().first(), "repeated progress note of " + label + " (same as line "
                            + n.lines().first() + ") ignored");
                    return null;
                }
                sequence++;
            }
        }
        ProgressNote added = new ProgressNote(note.year(), note.yearBasis(), sequence, note.status(), note.text(),
                note.partial(), note.lines());
        notes.add(added);
        return added;
    }

    /** A note read from lines {@code first..last}: its year by {@link NoteYears}, partial when the document cuts it. */
    static ProgressNote read(ParseContext ctx, String text, int first, int last, String label) {
        NoteYears.NoteYear year = NoteYears.of(ctx, text, first, label);
        boolean cut = ctx.text.isCut(last) && !text.strip().matches("(?s).*[.!?)\"\u201D]$");
        return new ProgressNote(year.year(), year.basis(), 1, Narratives.status(text), text, cut,
                new LineRange(first, last));
    }
}
