package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How precisely a document showed an amount, read from the raw string: {@code $2.27 M} is shown to 0.01 M,
 * so the true amount lies within ±5,000 USD of 2,270,000; {@code $804.98 K} within ±5; {@code $267,469}
 * within ±0.5.
 */
public final class ShownRounding {

    private static final Pattern AMOUNT = Pattern.compile(
            "^[^0-9-]*(-?[0-9][0-9,]*)(?:\\.([0-9]+))?\\s*([KMBkmb])?\\b.*$");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ShownRounding() {
    }

    /**
     * Half the unit of the last digit shown, in USD. When the raw string cannot be read, the precision of the
     * resolved amount stands in for it; with neither, zero.
     */
    public static BigDecimal halfUnit(String raw, BigDecimal usd) {
        if (raw != null) {
            Matcher m = AMOUNT.matcher(raw.strip());
            if (m.matches()) {
                int decimals = m.group(2) == null ? 0 : m.group(2).length();
                BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals).multiply(multiplier(m.group(3)));
                return plain(unit.multiply(HALF));
            }
        }
        if (usd != null) {
            return plain(BigDecimal.ONE.movePointLeft(Math.max(usd.scale(), 0)).multiply(HALF));
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal multiplier(String suffix) {
        if (suffix == null) {
            return BigDecimal.ONE;
        }
        return switch (Character.toUpperCase(suffix.charAt(0))) {
            case 'K' -> BigDecimal.valueOf(1_000);
            case 'M' -> BigDecimal.valueOf(1_000_000);
            case 'B' -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.ONE;
        };
    }
}
