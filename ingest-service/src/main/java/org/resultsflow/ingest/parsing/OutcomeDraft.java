package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.rules.OutcomeId;

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

    OutcomeDraft(OutcomeId ref, int line) {
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
     * Adds a note of this outcome. The same text again for the same year is the page repeating itself and is
     * dropped with a warning; another text for the same year is another note, kept after the first.
     */
    void addNote(ProgressNote note, ParseContext ctx) {
        ProgressNote added = Notes.add(notes, note, label(), ctx);
        if (added != null) {
            cover(note.lines());
        }
    }

    /** Adds an output; the same output again (same code, or no code and the same statement) is a repeat. */
    void addOutput(ParseContext ctx, Output output) {
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            boolean same = o.code() != null ? o.code().equals(output.code())
                    : output.code() == null && o.statement() != null && output.statement() != null
                            && NormalisedStatement.of(o.statement()).equals(NormalisedStatement.of(output.statement()));
            if (same) {
                if (output.statement() != null && o.statement() != null
                        && !NormalisedStatement.of(o.statement()).equals(NormalisedStatement.of(output.statement()))) {
                    ctx.warn(output.lines().first(), "output " + output.code() + " shown again with another statement;"
                            + " the first (line " + o.lines().first() + ") is kept");
                } else if (!output.progressNotes().isEmpty()) {
                    List<ProgressNote> merged = new ArrayList<>(o.progressNotes());
                    output.progressNotes().forEach(n -> Notes.add(merged, n, "output '" + o.statement() + "'", ctx));
                    outputs.set(i, new Output(o.code(), o.statement(), merged, o.lines().span(output.lines())));
                }
                cover(output.lines());
                return;
            }
        }
        outputs.add(output);
        cover(output.lines());
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
