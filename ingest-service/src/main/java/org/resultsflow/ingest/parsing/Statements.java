package org.resultsflow.ingest.parsing;

import java.util.List;
import org.resultsflow.contracts.rules.NormalisedStatement;

/** Statement text as a page wraps it; its normalised form is {@link NormalisedStatement}. */
public final class Statements {

    private Statements() {
    }

    /**
     * Joins the lines of one wrapped paragraph. A line ending in a hyphen continues without a space (the
     * hyphen stays, as {@link NormalisedStatement} keeps it); a line starting with an apostrophe followed by a letter
     * ({@code ´s}) continues the word before it; otherwise lines are joined with one space.
     */
    static String joinWrapped(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String t = SourceText.strip(line);
            if (t.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(t);
            } else if (endsWithWordHyphen(sb) || startsWithApostropheLetter(t)) {
                sb.append(t);
            } else {
                sb.append(' ').append(t);
            }
        }
        return sb.toString();
    }

    private static boolean endsWithWordHyphen(CharSequence sb) {
        int n = sb.length();
        return n >= 2 && sb.charAt(n - 1) == '-' && Character.isLetter(sb.charAt(n - 2));
    }

    private static boolean startsWithApostropheLetter(String t) {
        if (t.length() < 2) {
            return false;
        }
        char c = t.charAt(0);
        boolean apostrophe = c == '\'' || c == '\u2019' || c == '\u00B4' || c == '\u2018' || c == '`';
        return apostrophe && Character.isLetter(t.charAt(1));
    }
}
