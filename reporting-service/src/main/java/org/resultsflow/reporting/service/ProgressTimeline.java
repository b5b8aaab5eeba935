package org.resultsflow.reporting.service;

import java.text.BreakIterator;
import java.util.Locale;

/** How a progress note shows on a timeline: its first sentence. */
public final class ProgressTimeline {

    private ProgressTimeline() {
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
