package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;

/** An outcome being read; becomes the immutable {@link Outcome} at the end. */
final class OutcomeDraft {

    String id;
    String code;
    String office;
    String planPeriod;
    String statement;
    String description;
    final List<String> sdgAlignment = new ArrayList<>();
    final List<String> impactAreas = new ArrayList<>();
    final List<String> unSystemFunctions = new ArrayList<>();
    String policyMarker;
    String humanitarianScope;
    final List<Output> outputs = new ArrayList<>();
    final List<ProgressNote> notes = new ArrayList<>();
    LineRange lines;

    OutcomeDraft(ResultCodes.OutcomeRef ref, int line) {
        if (ref != null) {
            this.id = ref.id();
            this.code = ref.code();
            this.office = ref.office();
        }
        this.lines = LineRange.of(line);
    }

    void cover(int line) {
        cover(LineRange.of(line));
    }

    void cover(LineRange range) {
        lines = lines.span(range);
    }

    /**
     * Adds a note unless one of the same year is already there: the same text again is a repeat and is
     * dropped silently by the caller's warning; a different text for the same year cannot be told apart,
     * so neither is kept.
     */
    void addNote(ProgressNote note, ParseContext ctx) {
        for (int i = 0; i < notes.size(); i++) {
            ProgressNote n = notes.get(i);
            if (n.year() == note.year()) {
                if (n.text().equals(note.text())) {
                    ctx.warn(note.lines().first(), "repeated progress note for " + label() + " " + note.year()
                            + " (same as line " + n.lines().first() + ") ignored");
                } else {
                    ctx.warn(note.lines().first(), "two different progress notes for " + label() + " "
                            + note.year() + " (lines " + n.lines().first() + " and " + note.lines().first()
                            + "); neither is kept");
                    notes.remove(i);
                }
                return;
            }
        }
        notes.add(note);
        cover(note.lines());
    }

    String label() {
        return id != null ? id : "the outcome";
    }

    Outcome build() {
        return new Outcome(id, code, office, planPeriod, statement, description, List.copyOf(sdgAlignment),
                List.copyOf(impactAreas), List.copyOf(unSystemFunctions), policyMarker, humanitarianScope,
                List.copyOf(outputs), List.copyOf(notes), lines);
    }
}
