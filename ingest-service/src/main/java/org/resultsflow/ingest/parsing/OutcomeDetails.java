package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Outcome details" block shared by the web page and the PDF export: labels ({@code SDG alignment},
 * {@code Impact areas}, {@code Organizational outputs}, {@code Policy marker}, {@code Humanitarian scope},
 * {@code UN system function}, {@code Outcome Description}, {@code UN Partners}) each followed by its values,
 * on the label's line or on the lines after it.
 */
final class OutcomeDetails {

    enum Label {
        SDG_ALIGNMENT("sdg [a-z]lignment"),
        IMPACT_AREAS("impact areas|strategic plan thematic \\(impact\\) areas"),
        ORGANIZATIONAL_OUTPUTS("organizational outputs|strategic plan outcome areas"),
        POLICY_MARKER("policy marker"),
        HUMANITARIAN_SCOPE("humanitarian scope"),
        UN_SYSTEM_FUNCTION("un system functions?"),
        DESCRIPTION("outcome description"),
        UN_PARTNERS("un partners"),
        DETAILS("outcome details");

        final Pattern pattern;

        Label(String regex) {
            // the label may be glued to its value ("Policy markerGENDER EQUALITY")
            this.pattern = Pattern.compile("(?i)^(" + regex + ")(?:\\b|(?-i:(?=[A-Z])))\\s*:?\\s*(.*)$");
        }
    }

    /** One label with the text on its own line after it ({@code inline}, may be empty). */
    record LabelLine(Label label, String inline) {
    }

    private OutcomeDetails() {
    }

    static LabelLine label(String line) {
        for (Label l : Label.values()) {
            Matcher m = l.pattern.matcher(line);
            if (m.matches()) {
                return new LabelLine(l, m.group(2).trim());
            }
        }
        return null;
    }

    /** An SDG alignment value names a goal; the web page's "SDG Goal" image texts name none. */
    static boolean namesGoal(String value) {
        return value.matches("(?i)^(?:sdg\\s*(?:goal\\s*)?|goal\\s*)\\d{1,2}\\b.*");
    }

    /** Policy markers are shown in capitals, several words ({@code GENDER EQUALITY}). */
    static boolean looksLikePolicyMarker(String value) {
        return value.matches("^[A-Z][A-Z&/,-]*(?: [A-Z&/,-]+)+$");
    }

    /**
     * The web page runs the UN system functions together on one line ("Advocacy, communications and social
     * mobilization Capacity development and technical assistance Support functions"). Each function is
     * written in sentence case, so a new one starts at a capitalised word (not an acronym like "UN") after
     * a lower-case word.
     */
    static List<String> splitRunTogether(String text) {
        List<String> out = new ArrayList<>();
        String[] words = text.trim().split("\\s+");
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean startsNew = i > 0 && isSentenceCaseWord(w) && endsLowerCase(words[i - 1]);
            if (startsNew && cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(w);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static boolean isSentenceCaseWord(String w) {
        return w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && Character.isLowerCase(w.charAt(1));
    }

    private static boolean endsLowerCase(String w) {
        char c = w.charAt(w.length() - 1);
        return Character.isLowerCase(c);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
