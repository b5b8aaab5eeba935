package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * The indicator blocks of the outcome web page, shown vertically:
 *
 * <pre>
 * SP_D_0.1.4                                   code (may be missing)
 * [explanatory note paragraph]                 e.g. what "(Desk Review)" means; not part of the statement
 * Number of laws that were adopted ... (CO)    statement
 * [tags and logos]                             "Complementary" / "Common" (with their explanations),
 *                                              "SDG", "sdg", "Goal 5", partner entities
 * 2021 Result N/A                              headline
 * 2021 | 0                                     baseline year; "0" when the baseline has no year
 * Baseline
 * 0 0                                          value pair
 * 2022                                         then per year: year, kind (Milestone/Target/Result), pair, ...
 * Milestone
 * - -
 * Result
 * - -
 * </pre>
 *
 * <p>How the pieces read (worked out from the documents, not guessed):
 * <ul>
 *   <li><b>The value pair</b> ({@code 0 0}, {@code - -}, {@code Yes Yes}) is one value shown twice: the page
 *       renders every cell twice (two layouts of the same table). In every pair of the samples both tokens
 *       are equal, and the PDF export of the same outcome, which has separate columns for the planned value
 *       and the reported result, shows each value once and equal to the pair's token (e.g. milestone 2021
 *       {@code 2 2} and result 2021 {@code 7 7} on the page; {@code 2021 (Milestone) 2 7} in the export). So
 *       the pair is not (planned, result) and not (value, something else). A pair whose two tokens differ
 *       cannot be read with certainty and is skipped with a warning.</li>
 *   <li><b>The headline</b> {@code 2021 Result N/A} is the result for the year whose data the page shows
 *       ({@code Showing data of : 2021}): {@code 2021 Result 7} repeats the block's 2021 result row
 *       ({@code 7 7}). When the block has a 2021 result row, the two must agree (else neither is kept); when
 *       it has none, the headline is the only statement of that result and becomes the observation
 *       ({@code N/A}: a marker, no value).</li>
 *   <li><b>A baseline year of {@code 0}</b> (followed by a {@code - -} baseline) means "no baseline": the
 *       PDF export shows the same rows as {@code (Baseline) - N/A}, without a year. No observation is made
 *       (it would have no year and no value); a known value without a year is skipped with a warning.</li>
 * </ul>
 */
final class IndicatorBlocks {

    private static final Pattern YEAR = Pattern.compile("^((?:19|20)\\d{2})$");
    private static final Pattern NO_YEAR = Pattern.compile("^0$");
    private static final Pattern KIND = Pattern.compile("(?i)^(baseline|milestones?|target|result)$");
    private static final Pattern TAG = Pattern.compile("^(Complementary|Common)(?!\\s*indicators\\b)(?:$|(?=[A-Z\\s]))");
    private static final Pattern TAG_EXPLANATION = Pattern.compile("^(?:Complementary|Common)+\\s*indicators\\b.*");
    private static final Pattern LOGO = Pattern.compile("(?i)^(?:sdg|goal\\s*\\d{1,2})$");
    private static final Pattern DESK_REVIEW = Pattern.compile("(?i).*\\(\\s*desk review\\s*\\)\\s*$");

    private IndicatorBlocks() {
    }

    static ObservationKind kind(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("milestone")) {
            return ObservationKind.MILESTONE;
        }
        return ObservationKind.valueOf(w.toUpperCase(Locale.ROOT));
    }

    /**
     * Reads the blocks in lines {@code from..to} attached to the given parent. {@code other} is offered
     * every line first (budget lines of an output) and consumes it when it returns true.
     */
    static void read(ParseContext ctx, int from, int to, String outcomeId, String outputCode, IntPredicate other,
            Indicators into) {
        SourceText t = ctx.text;
        BitSet consumed = new BitSet();
        int pre = from;
        int i = from;
        while (i <= to) {
            String line = t.line(i);
            if (!line.isEmpty() && other.test(i)) {
                consumed.set(i);
                i++;
                continue;
            }
            Matcher h = LayoutDetector.HEADLINE.matcher(line);
            if (h.matches()) {
                int last = block(ctx, pre, i, to, outcomeId, outputCode, into, consumed);
                pre = last + 1;
                i = last + 1;
                continue;
            }
            i++;
        }
        // whatever is left without a headline: a block cut off before its values
        for (int j = pre; j <= to; j++) {
            if (ResultCodes.isIndicatorCodeLine(t.line(j))) {
                ctx.warn(j, "indicator " + t.line(j) + " shows no values (page cut off?); skipped");
            }
        }
    }

    /** Reads one block whose headline is at {@code h}; returns the last line it used. */
    private static int block(ParseContext ctx, int pre, int h, int to, String outcomeId, String outputCode,
            Indicators into, BitSet consumed) {
        SourceText t = ctx.text;
        IndicatorDraft d = new IndicatorDraft(outcomeId, outputCode, h);
        // the code: the last code line before the headline; earlier ones are blocks cut off before their values
        int codeLine = -1;
        for (int j = pre; j < h; j++) {
            if (ResultCodes.isIndicatorCodeLine(t.line(j))) {
                if (codeLine > 0) {
                    ctx.warn(codeLine, "indicator " + t.line(codeLine) + " shows no values (page cut off?); skipped");
                }
                codeLine = j;
            }
        }
        int textFrom = codeLine > 0 ? codeLine + 1 : pre;
        if (codeLine > 0) {
            d.code = t.line(codeLine);
            d.cover(LineRange.of(codeLine));
        }
        readStatementAndTags(ctx, d, textFrom, h - 1, consumed);
        if (d.statement == null && d.code == null) {
            ctx.warn(h, "values at line " + h + " without an indicator code or statement; skipped");
            return skipRows(t, h, to);
        }
        if (d.statement == null) {
            ctx.warn(codeLine, "indicator " + d.code + " shows no statement");
        }
        d.cover(LineRange.of(h));
        int last = rows(ctx, d, h, to);
        headline(ctx, d, h);
        if (!d.hasObservations()) {
            ctx.warn(h, d.label() + " has no readable values; skipped");
        } else {
            into.add(d, ctx);
        }
        return last;
    }

    /** Statement = the last text paragraph before the tags; earlier paragraphs are explanatory notes. */
    private static void readStatementAndTags(ParseContext ctx, IndicatorDraft d, int from, int to, BitSet consumed) {
        SourceText t = ctx.text;
        int tagStart = to + 1;
        for (int j = from; j <= to; j++) {
            String l = t.line(j);
            if (TAG.matcher(l).find() || TAG_EXPLANATION.matcher(l).matches() || LOGO.matcher(l).matches()) {
                tagStart = j;
                break;
            }
        }
        for (int j = tagStart; j <= to; j++) {
            Matcher m = TAG.matcher(t.line(j));
            if (m.find()) {
                d.tags.add(m.group(1));
                d.cover(LineRange.of(j));
            }
        }
        List<List<Integer>> paragraphs = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        for (int j = from; j < tagStart; j++) {
            if (t.isBlank(j) || consumed.get(j)) {
                if (!cur.isEmpty()) {
                    paragraphs.add(cur);
                    cur = new ArrayList<>();
                }
            } else {
                cur.add(j);
            }
        }
        if (!cur.isEmpty()) {
            paragraphs.add(cur);
        }
        if (paragraphs.isEmpty()) {
            return;
        }
        List<Integer> p = paragraphs.get(paragraphs.size() - 1);
        List<String> lines = new ArrayList<>();
        p.forEach(j -> lines.add(t.line(j)));
        d.statement = Statements.joinWrapped(lines);
        d.cover(new LineRange(p.get(0), p.get(p.size() - 1)));
        if (DESK_REVIEW.matcher(d.statement).matches()) {
            d.tags.add("Desk Review");
        }
    }

    private static int skipRows(SourceText t, int h, int to) {
        int j = h + 1;
        while (j <= to && (t.isBlank(j) || isRowLine(t.line(j)))) {
            j++;
        }
        return j - 1;
    }

    private static boolean isRowLine(String l) {
        return YEAR.matcher(l).matches() || NO_YEAR.matcher(l).matches() || KIND.matcher(l).matches()
                || l.matches("^\\S+\\s+\\S+$") || l.equals("-");
    }

    /** Reads year / kind / pair lines after the headline; returns the last line used. */
    private static int rows(ParseContext ctx, IndicatorDraft d, int h, int to) {
        SourceText t = ctx.text;
        Integer year = null;
        int yearLine = -1;
        boolean noYear = false;
        ObservationKind kind = null;
        int kindLine = -1;
        int last = h;
        for (int j = h + 1; j <= to; j++) {
            if (t.isBlank(j)) {
                continue;
            }
            String l = t.line(j);
            if (kind == null) {
                Matcher y = YEAR.matcher(l);
                if (y.matches()) {
                    year = Integer.valueOf(y.group(1));
                    yearLine = j;
                    noYear = false;
                    last = j;
                    continue;
                }
                int next = t.nextNonBlank(j + 1);
                if (NO_YEAR.matcher(l).matches() && next <= to && t.line(next).equalsIgnoreCase("baseline")) {
                    year = null;
                    yearLine = j;
                    noYear = true;
                    last = j;
                    continue;
                }
                Matcher k = KIND.matcher(l);
                if (k.matches()) {
                    kind = kind(k.group(1));
                    kindLine = j;
                    last = j;
                    continue;
                }
                break;
            }
            if (KIND.matcher(l).matches() || ResultCodes.isIndicatorCodeLine(l) || LayoutDetector.HEADLINE.matcher(l).matches()) {
                ctx.warn(kindLine, d.label() + ": " + t.line(kindLine) + " without a value; skipped");
                kind = null;
                j--;
                continue;
            }
            Optional<String> token = pairToken(l);
            int first = yearLine > 0 ? yearLine : kindLine;
            LineRange at = new LineRange(Math.min(first, kindLine), j);
            last = j;
            if (token.isEmpty()) {
                ctx.warn(j, d.label() + ": the two tokens of '" + l + "' differ; which one is the value is not"
                        + " certain, skipped");
            } else {
                Optional<ObservedValue> v = ValueTokens.read(token.get());
                if (v.isEmpty()) {
                    ctx.warn(j, d.label() + ": value '" + token.get() + "' not understood; skipped");
                } else if (year == null) {
                    if (!(noYear && kind == ObservationKind.BASELINE && !v.get().isKnown())) {
                        ctx.warn(j, d.label() + ": " + kind.name().toLowerCase(Locale.ROOT) + " value '" + token.get()
                                + "' without a year; skipped");
                    }
                } else {
                    d.add(year, kind, v.get(), at, ctx);
                }
            }
            kind = null;
        }
        if (kind != null) {
            ctx.warn(kindLine, d.label() + ": " + t.line(kindLine) + " without a value (page cut off?); skipped");
        }
        return last;
    }

    /** The value of a pair line: both tokens equal ({@code 0 0}, {@code No data No data}), or a single token. */
    static Optional<String> pairToken(String line) {
        String l = line.trim();
        String[] tokens = l.split("\\s+");
        if (tokens.length == 1) {
            return Optional.of(tokens[0]);
        }
        if (tokens.length % 2 == 0) {
            int half = tokens.length / 2;
            String a = String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, half));
            String b = String.join(" ", java.util.Arrays.copyOfRange(tokens, half, tokens.length));
            if (a.equals(b)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The headline: repeats the result row of its year when there is one, else it is that result. */
    private static void headline(ParseContext ctx, IndicatorDraft d, int h) {
        Matcher m = LayoutDetector.HEADLINE.matcher(ctx.text.line(h));
        if (!m.matches()) {
            return;
        }
        int year = Integer.parseInt(m.group(1));
        String token = m.group(2).trim();
        Optional<ObservedValue> v = ValueTokens.read(token);
        if (v.isEmpty()) {
            ctx.warn(h, d.label() + ": headline result '" + token + "' not understood; skipped");
            return;
        }
        d.add(year, ObservationKind.RESULT, v.get(), LineRange.of(h), ctx);
    }
}
