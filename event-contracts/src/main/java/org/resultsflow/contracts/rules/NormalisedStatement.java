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
    private static final Pattern WS = Pattern.compile("\\s+");

    private NormalisedStatement() {
    }

    public static String of(String statement) {
        String s = asciiPunctuation(statement);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = SOFT_HYPHEN_WRAP.matcher(s).replaceAll("");
        s = HYPHEN_WRAP.matcher(s).replaceAll("$1-");
        s = WS.matcher(s).replaceAll(" ").trim();
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Typographic quotes, apostrophes and dashes to their ASCII forms; no-break spaces to spaces. */
    public static String asciiPunctuation(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
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
