package org.resultsflow.reporting.service;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;

/** How progress notes show on an outcome's timeline. */
public final class ProgressTimeline {

    /** Dated notes by year, then those whose year no document states: a note with no year is not the oldest. */
    private static final Comparator<TimelineNote> ORDER = Comparator.comparing(
            (TimelineNote n) -> n.note().year(), Comparator.nullsLast(Comparator.naturalOrder()));

    private ProgressTimeline() {
    }

    /**
     * A note on the timeline, with the output it is filed under (code, or statement when no code is shown);
     * both null for the outcome's own notes.
     */
    public record TimelineNote(CatalogProgressNote note, String outputCode, String outputStatement) {
    }

    /**
     * The outcome's notes and its outputs' notes in timeline order: by year, those with no year last; within a
     * year the outcome's own first, then its outputs' in the catalog's order, each in sequence order.
     */
    public static List<TimelineNote> of(CatalogOutcome outcome) {
        List<TimelineNote> notes = new ArrayList<>();
        if (outcome.progressNotes() != null) {
            outcome.progressNotes().stream().filter(n -> n != null).forEach(n -> notes.add(new TimelineNote(n, null, null)));
        }
        if (outcome.outputs() != null) {
            for (CatalogOutput output : outcome.outputs()) {
                if (output == null || output.progressNotes() == null) {
                    continue;
                }
                String statement = output.code() == null ? output.statement() : null;
                output.progressNotes().stream().filter(n -> n != null)
                        .forEach(n -> notes.add(new TimelineNote(n, output.code(), statement)));
            }
        }
        notes.sort(ORDER); // stable: keeps entity and sequence order within a year
        return notes;
    }

    public static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(trimmed);
        int end = sentences.next();
        return (end == BreakIterator.DONE ? trimmed : trimmed.substring(0, end)).strip();
    }
}
