package org.resultsflow.ingest.parsing;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a progress narrative's opening. The opening sentence of a progress note states how the outcome
 * did and in which year ("Relevant progress was achieved in this outcome during 2024.", "This outcome was
 * not achieved in 2024. However, important progress was made."). Only that opening is read: a year named
 * later in a narrative is about something else ("since 2018", "the 2017 earthquakes").
 */
final class Narratives {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\"'\u201C\u2018(]?[A-Z0-9])");
    private static final Pattern YEAR_IN = Pattern.compile(
            "\\b(?:in|during|for|throughout|over)\\s+(?:the\\s+(?:year\\s+(?:of\\s+)?)?)?((?:19|20)\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABOUT_OUTCOME = Pattern.compile("\\b(?:outcome|progress)", Pattern.CASE_INSENSITIVE);
    /** A sentence that opens a progress note: about the outcome, with its status, in a year. */
    private static final Pattern NOTE_OPENING = Pattern.compile(
            "\\b(?:this|the)\\s+outcome\\b|\\bprogress\\b.*\\boutcome\\b|\\boutcome\\b.*\\bprogress\\b",
            Pattern.CASE_INSENSITIVE);

    private Narratives() {
    }

    /** The first sentence (or the first 600 characters when no sentence ends before). */
    static String firstSentence(String text) {
        return sentence(text, 0);
    }

    /** Sentence number {@code index} (0-based), or "" when the text has fewer. */
    static String sentence(String text, int index) {
        String rest = text.trim();
        for (int i = 0; i <= index; i++) {
            Matcher m = SENTENCE_END.matcher(rest);
            int end = m.find() ? m.end() : rest.length();
            String s = rest.substring(0, Math.min(end, 600)).trim();
            if (i == index) {
                return s;
            }
            rest = rest.substring(end).trim();
            if (rest.isEmpty()) {
                return "";
            }
        }
        return "";
    }

    /** The one year the opening sentence reports on ("in 2024", "during 2024"), if exactly one. */
    static OptionalInt openingYear(String text) {
        String first = firstSentence(text);
        if (!ABOUT_OUTCOME.matcher(first).find()) {
            return OptionalInt.empty();
        }
        TreeSet<Integer> years = new TreeSet<>();
        Matcher m = YEAR_IN.matcher(first);
        while (m.find()) {
            years.add(Integer.valueOf(m.group(1)));
        }
        return years.size() == 1 ? OptionalInt.of(years.first()) : OptionalInt.empty();
    }

    /** Whether the sentence reads like the opening of a progress note (about this/the outcome's progress). */
    static boolean isNoteOpening(String text) {
        String first = firstSentence(text);
        return first.length() < 300 && NOTE_OPENING.matcher(first).find() && YEAR_IN.matcher(first).find();
    }

    /**
     * The status class the opening states. Classes: {@code ACHIEVED}, {@code NOT_ACHIEVED},
     * {@code NOT_ACHIEVED_BUT_PROGRESS}, {@code SIGNIFICANT_PROGRESS} ("significant", "substantial",
     * "relevant" or "important" progress), {@code SOME_PROGRESS} ("some progress"), {@code PROGRESS}
     * (progress without a degree), {@code ON_TRACK}, {@code NO_PROGRESS}, else {@code UNSTATED}. Only a
     * sentence about the outcome itself counts ("Mexico is making progress towards ..." states nothing
     * about the outcome).
     */
    static String status(String text) {
        String first = firstSentence(text).toLowerCase(Locale.ROOT);
        if (!first.matches("(?s).*\\boutcome\\b.*")) {
            return "UNSTATED";
        }
        boolean notAchieved = first.matches("(?s).*\\b(?:not|never)\\s+(?:been\\s+|yet\\s+|fully\\s+)*(?:achieved|reached|met|attained)\\b.*");
        String second = sentence(text, 1).toLowerCase(Locale.ROOT);
        if (notAchieved) {
            boolean progress = mentionsPositiveProgress(first)
                    || (second.length() < 300 && mentionsPositiveProgress(second) && second.matches("(?s)^(?:however|but|nevertheless|still|yet)\\b.*"));
            return progress ? "NOT_ACHIEVED_BUT_PROGRESS" : "NOT_ACHIEVED";
        }
        if (first.matches("(?s).*\\bno\\s+(?:significant\\s+)?progress\\b.*")) {
            return "NO_PROGRESS";
        }
        if (first.matches("(?s).*\\bon\\s+track\\b.*")) {
            return "ON_TRACK";
        }
        if (first.matches("(?s).*\\b(?:significant|substantial|relevant|important|considerable|major)\\s+progress\\b.*")) {
            return "SIGNIFICANT_PROGRESS";
        }
        if (first.matches("(?s).*\\b(?:some|limited|moderate|partial)\\s+progress(?:es)?\\b.*")) {
            return "SOME_PROGRESS";
        }
        if (first.matches("(?s).*\\b(?:this|the)\\s+outcome\\s+(?:was|has\\s+been|is)\\s+(?:fully\\s+)?(?:achieved|reached|met)\\b.*")) {
            return "ACHIEVED";
        }
        if (first.matches("(?s).*\\bprogress(?:es)?\\b.*")) {
            return "PROGRESS";
        }
        return "UNSTATED";
    }

    private static boolean mentionsPositiveProgress(String s) {
        return s.matches("(?s).*\\bprogress(?:es)?\\b.*") && !s.matches("(?s).*\\bno\\s+(?:significant\\s+)?progress\\b.*");
    }
}
