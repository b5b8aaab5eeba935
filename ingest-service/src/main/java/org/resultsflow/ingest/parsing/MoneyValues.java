package org.resultsflow.ingest.parsing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Money;

/**
 * Reads amounts as the portal shows them: {@code $934.31 K} (thousands), {@code $3.07 M} (millions),
 * {@code $1.2 B} (billions), {@code $267,469}. The amount is resolved to US dollars exactly to the precision
 * shown ({@code $934.31 K} is 934310, not a rounded double).
 */
final class MoneyValues {

    /** An amount anywhere in a line; a unit may be glued to a label after it ({@code $481.38 KPlanned Budget}). */
    static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\w$])-?(?:US)?\\$\\s?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?[KMB](?![a-z]))?");
    private static final Pattern EXACT = Pattern.compile(
            "(?<neg>-)?(?:US)?\\$\\s?(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?(?:\\s?(?<unit>[KMB]))?");

    private MoneyValues() {
    }

    /** The amount when the whole (trimmed) string is one amount. */
    static Optional<Money> read(String raw) {
        String t = raw.trim();
        Matcher m = EXACT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group("int").replace(",", "");
        if (m.group("frac") != null) {
            digits = digits + "." + m.group("frac");
        }
        BigDecimal v = new BigDecimal(digits);
        String unit = m.group("unit");
        if (unit != null) {
            v = v.movePointRight(switch (unit) {
                case "K" -> 3;
                case "M" -> 6;
                default -> 9;
            });
        }
        if (m.group("neg") != null) {
            v = v.negate();
        }
        return Optional.of(new Money(t, v));
    }

    /** The single amount in a line, or empty when the line holds none or several. */
    static Optional<Money> single(String line) {
        Matcher m = AMOUNT.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String first = m.group();
        if (m.find()) {
            return Optional.empty();
        }
        return read(first);
    }
}
