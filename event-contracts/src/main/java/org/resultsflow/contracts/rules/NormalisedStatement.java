package org.resultsflow.contracts.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised form of a statement, which matches an indicator shown without its code to the same
 * indicator shown with it: typographic quotes and dashes to ASCII, Unicode NFKC, words rejoined across
 * line-wrap hyphens, whitespace collapsed, case folded. Ingest computes it; every event carries it.
 *
 * <p>A line-wrap hyphen is rejoined <em>keeping</em> the hyphen ({@code UN-\nWomen} is {@code un-women}):
 * the PDF exports wrap lines only where the text already has a hyphen (the web page of the same indicator
 * shows {@code UN-Women}, {@code gender-responsive}), so dropping it would make the two forms differ. A
 * soft hyphen (U+00AD) is dropped.
 */
public final class NormalisedStatement {

    private static final Pattern HYPHEN_WRAP = Pattern.compile("(\\p{L})-[ \\t]*\\R\\s*(?=\\p{L})");
    private static final Pattern SOFT_HYPHEN_WRAP = Pattern.compile("\u00AD\\s*");

    private NormalisedStatement() {
    }

    public static String of(String statement) {
        // The parser normalises every long line of a page to recognise its layout: one-line ASCII, by far
        // the most common, takes one pass; otherwise each step runs only where it can change something.
        String line = asciiLine(statement);
        if (line != null) {
            return line;
        }
        String s = asciiPunctuation(statement);
        if (!isAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        if (s.indexOf('\u00AD') >= 0) {
            s = SOFT_HYPHEN_WRAP.matcher(s).replaceAll("");
        }
        if (hasLineBreak(s)) {
            s = HYPHEN_WRAP.matcher(s).replaceAll("$1-");
        }
        s = collapseWhitespace(s).trim();
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Every step at once for ASCII without line breaks (only spaces and tabs), or null for any other text. */
    private static String asciiLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c >= '\n' && c <= '\r') {
                return null;
            }
            boolean ws = c == ' ' || c == '\t';
            if (!ws) {
                sb.append(c == '`' ? '\'' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else if (!inRun) {
                sb.append(' ');
            }
            inRun = ws;
        }
        return sb.toString().trim();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code \R} can match in {@code s}. */
    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Each run of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage return) to one space. */
    private static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inRun = false;
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = c == ' ' || c >= '\t' && c <= '\r';
            if (!ws) {
                sb.append(c);
            } else if (!inRun) {
                sb.append(' ');
                changed |= c != ' ';
            } else {
                changed = true;
            }
            inRun = ws;
        }
        return changed ? sb.toString() : s;
    }

    /** Typographic quotes, apostrophes and dashes to their ASCII forms; no-break spaces to spaces. */
    public static String asciiPunctuation(String s) {
        int first = 0;
        while (first < s.length() && s.charAt(first) < 0x80 && s.charAt(first) != '`') {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060', '\u02BC' -> sb.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> sb.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' ->
                        sb.append('-');
                case '\u00A0', '\u2007', '\u202F' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
