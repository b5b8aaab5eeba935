package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;

/**
 * The money figures of one outcome or output as a document shows them, read from labelled amounts:
 * {@code $934.31 K Planned Budget} (amount first), {@code Planned Budget: $3.07 M} (label first),
 * {@code Shortfall: $2.27 M}, {@code ... Total Other Resources (Non-Core) $267,469}, or a label and an
 * amount on two lines of one paragraph (PDF export). "Actual Budget and Shortfall" labels the actual
 * budget: the chart under it shows actual and shortfall, the amount is the actual. A figure shown twice
 * must agree, else it is not kept.
 */
final class BudgetDraft {

    enum Field { PLANNED, ACTUAL, EXPENSES, SHORTFALL, CORE, NON_CORE }

    final String entityId;
    final BudgetEntityType type;
    final String outcomeId;
    private final Map<Field, Money> values = new EnumMap<>(Field.class);
    private final Set<Field> conflicted = EnumSet.noneOf(Field.class);
    final List<FundingContribution> funding = new ArrayList<>();
    LineRange lines;

    BudgetDraft(String entityId, BudgetEntityType type, String outcomeId) {
        this.entityId = entityId;
        this.type = type;
        this.outcomeId = outcomeId;
    }

    static Field field(String label) {
        String l = label.toLowerCase(Locale.ROOT).replaceAll("[\\s:]+$", "").replaceAll("^[\\s:/]+", "")
                .replaceAll("\\s+", " ");
        return switch (l) {
            case "planned budget", "planned budget (total)", "total planned budget" -> Field.PLANNED;
            case "actual budget", "actual budget and shortfall", "total actual budget" -> Field.ACTUAL;
            case "expenses", "total expenses" -> Field.EXPENSES;
            case "shortfall" -> Field.SHORTFALL;
            case "regular resources (core)", "total regular resources (core)" -> Field.CORE;
            case "other resources (non-core)", "total other resources (non-core)" -> Field.NON_CORE;
            default -> null;
        };
    }

    void set(Field f, Money m, int line, ParseContext ctx) {
        if (conflicted.contains(f)) {
            return;
        }
        Money seen = values.get(f);
        if (seen != null && seen.usd().compareTo(m.usd()) != 0) {
            ctx.warn(line, name(f) + " of " + entityId + " shown as " + seen.raw() + " and as " + m.raw()
                    + "; neither is kept");
            values.remove(f);
            conflicted.add(f);
            return;
        }
        if (seen == null) {
            values.put(f, m);
        }
        cover(line);
    }

    void cover(int line) {
        lines = lines == null ? LineRange.of(line) : lines.span(LineRange.of(line));
    }

    boolean isEmpty() {
        return values.isEmpty() && funding.isEmpty();
    }

    /** One labelled amount of a line. */
    record Labelled(Field field, Money money) {
    }

    /**
     * The labelled amounts of one line. An amount at the start of the line takes the label after it; any
     * other amount takes the longest known label that the text before it ends with.
     */
    static List<Labelled> labelled(String line) {
        List<Labelled> out = new ArrayList<>();
        Matcher m = MoneyValues.AMOUNT.matcher(line);
        int prevEnd = 0;
        while (m.find()) {
            String before = line.substring(prevEnd, m.start());
            Field f = before.isBlank() ? field(line.substring(m.end())) : suffixLabel(before);
            Optional<Money> money = MoneyValues.read(m.group());
            if (f != null && money.isPresent()) {
                out.add(new Labelled(f, money.get()));
            }
            prevEnd = m.end();
        }
        return out;
    }

    /** Reads every labelled amount of one line; true when there was at least one. */
    boolean readLine(String line, int lineNo, ParseContext ctx) {
        List<Labelled> found = labelled(line);
        found.forEach(l -> set(l.field(), l.money(), lineNo, ctx));
        return !found.isEmpty();
    }

    private static Field suffixLabel(String before) {
        String b = before.replaceAll("[\\s:]+$", "");
        for (int k = 0; k < b.length(); k++) {
            if (k == 0 || !Character.isLetterOrDigit(b.charAt(k - 1))) {
                Field f = field(b.substring(k));
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String name(Field f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Budget build(Integer reportingYear) {
        return new Budget(entityId, type, outcomeId, reportingYear, values.get(Field.PLANNED), values.get(Field.ACTUAL),
                values.get(Field.EXPENSES), values.get(Field.SHORTFALL), values.get(Field.CORE),
                values.get(Field.NON_CORE), List.copyOf(funding), lines);
    }
}
