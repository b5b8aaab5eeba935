package org.resultsflow.ingest.parsing;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/**
 * Reads one observed token. A token is a number ({@code 7}, {@code 1,200}, {@code 0.5}), a percentage
 * ({@code 0.19%}, kept as the percentage shown: 0.19), a truth value ({@code Yes}, {@code No}, {@code TRUE},
 * {@code False}) or a marker that carries no value ({@code TBD}, {@code N/A}, {@code NA}, {@code -},
 * {@code --}, empty). A marker never becomes 0. Anything else ({@code 3 (new)}, {@code 12 (cumulative)}, a
 * sentence) is text, kept verbatim and never read as a number.
 */
final class ValueTokens {

    private static final Set<String> MARKERS = Set.of(
            "", "-", "--", "---", "\u2013", "\u2014", "tbd", "tbc", "n/a", "na", "n.a.", "n.a");
    private static final String NUM = "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern PERCENT = Pattern.compile("(" + NUM + ")\\s?%");

    private ValueTokens() {
    }

    static ObservedValue read(String raw) {
        String t = raw.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (MARKERS.contains(lower)) {
            return new ObservedValue(raw, ValueType.MARKER, null, null);
        }
        switch (lower) {
            case "yes", "true" -> {
                return new ObservedValue(raw, ValueType.BOOLEAN, null, Boolean.TRUE);
            }
            case "no", "false" -> {
                return new ObservedValue(raw, ValueType.BOOLEAN, null, Boolean.FALSE);
            }
            default -> {
                // fall through to numbers
            }
        }
        if (NUMBER.matcher(t).matches()) {
            return new ObservedValue(raw, ValueType.NUMBER, decimal(t), null);
        }
        Matcher m = PERCENT.matcher(t);
        if (m.matches()) {
            return new ObservedValue(raw, ValueType.PERCENT, decimal(m.group(1)), null);
        }
        return new ObservedValue(raw, ValueType.TEXT, null, null);
    }

    /**
     * The value a token printed twice stands for: two equal halves, with or without space between them
     * ({@code 0 0}, {@code 22}, {@code TBDTBD}, {@code --}, a sentence twice); empty when it is not.
     */
    static Optional<String> half(String token) {
        String t = token.trim();
        String[] words = t.split("\\s+");
        if (words.length > 1 && words.length % 2 == 0) {
            String a = String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length / 2));
            String b = String.join(" ", java.util.Arrays.copyOfRange(words, words.length / 2, words.length));
            if (a.equals(b)) {
                return Optional.of(a);
            }
        }
        int n = t.length();
        if (n >= 2 && n % 2 == 0 && t.substring(0, n / 2).equals(t.substring(n / 2))) {
            return Optional.of(t.substring(0, n / 2));
        }
        return Optional.empty();
    }

    static boolean isMarker(String raw) {
        return MARKERS.contains(raw.trim().toLowerCase(Locale.ROOT));
    }

    private static BigDecimal decimal(String s) {
        String plain = s.replace(",", "");
        if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        return new BigDecimal(plain);
    }
}
