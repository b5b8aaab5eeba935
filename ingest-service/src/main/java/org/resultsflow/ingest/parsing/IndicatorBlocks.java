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
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/**
 * The indicator blocks of the web pages, one label or value per line. Three renderings share one grammar:
 *
 * <pre>
 * SP_D_0.1.4                          code (may be missing)
 * [note paragraph]                    e.g. what "(Desk Review)" means; not part of the statement
 * Number of laws ... (CO)             statement
 * [tags and tooltips]                 Complementary / Common / Others… with their definitions, sdg / agency
 * 2025 Result -                       headline: the end-of-plan result, on one line …
 *   or 2025 / Result / -              … or on three (flattened page)
 * [SP_D_0.1.4 / Country]              flattened page: the code again and a scope label
 * 2021 | - | 0                        the baseline's year; "-" (or "0") when it has none
 * Baseline
 * 3535 | 0 0 | --                     its value
 * 2022                                then per year: the year, Milestone (or Target), its value, Result, its value
 * Milestone
 * 44                                  (a Milestone label directly followed by Result shows no value: '')
 * Result
 * 48.47
 * </pre>
 *
 * <p>Every row is kept in page order, including several blocks under the same year label. Values printed
 * twice are read once by the rules of {@link Doubling}, decided for the whole page after every block is read.
 * A block cut by the end of the document keeps its complete rows and is marked partial; a value on the cut
 * last line is never read.
 */
final class IndicatorBlocks {

    private static final Pattern YEAR = Pattern.compile("^((?:19|20)\\d{2})$");
    private static final Pattern NO_YEAR = Pattern.compile("^(?:-|0)$");
    private static final Pattern KIND = Pattern.compile("(?i)^(baseline|milestones?|target|result)$");
    static final Pattern HEADLINE = Pattern.compile("^((?:19|20)\\d{2})\\s+Result\\s*(.*)$");
    private static final Pattern TAG = Pattern.compile("^(Complementary|Common|Others)(?!\\s*indicators\\b)(?:$|(?=[A-Z\\s]))");
    private static final Pattern TAG_EXPLANATION = Pattern.compile("^(?:Complementary|Common)+\\s*indicators\\b.*");
    private static final Pattern LOGO = Pattern.compile("(?i)^(?:sdg|goal\\s*\\d{1,2})$");
    private static final Pattern DESK_REVIEW = Pattern.compile("(?i).*\\(\\s*desk review\\s*\\)\\s*$");
    private static final Pattern SCOPE = Pattern.compile("(?i)^(?:country|global|regional)$");

    /** One value as printed, before the page's doubling is decided. */
    record Cell(Integer year, ObservationKind kind, String token, LineRange lines, boolean headline) {
    }

    /** One indicator's block as printed. */
    static final class Block {
        final IndicatorDraft draft;
        final List<Cell> cells = new ArrayList<>();

        Block(IndicatorDraft draft) {
            this.draft = draft;
        }
    }

    private final List<Block> blocks = new ArrayList<>();

    static ObservationKind kind(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("milestone")) {
            return ObservationKind.MILESTONE;
        }
        return ObservationKind.valueOf(w.toUpperCase(Locale.ROOT));
    }

    static boolean isHeadline(SourceText t, int i) {
        return HEADLINE.matcher(t.line(i)).matches() || splitHeadline(t, i);
    }

    /** {@code 2021} / {@code Result} / value on three lines: a year followed directly by Result. */
    private static boolean splitHeadline(SourceText t, int i) {
        if (!YEAR.matcher(t.line(i)).matches()) {
            return false;
        }
        int k = t.nextNonBlank(i + 1);
        return k <= t.size() && t.line(k).equalsIgnoreCase("result");
    }

    /**
     * Reads the blocks in lines {@code from..to} attached to the given parent. {@code other} is offered
     * every line first (budget lines of an output) and consumes it when it returns true.
     */
    void read(ParseContext ctx, int from, int to, String outcomeId, String outputCode, IntPredicate other) {
        SourceText t = ctx.text;
        BitSet consumed = new BitSet();
        int pre = from;
        int i = from;
        while (i <= to) {
            if (!t.isBlank(i) && other.test(i)) {
                consumed.set(i);
                i++;
                continue;
            }
            if (isHeadline(t, i)) {
                int last = block(ctx, pre, i, to, outcomeId, outputCode, consumed);
                pre = last + 1;
                i = last + 1;
                continue;
            }
            i++;
        }
        for (int j = pre; j <= to; j++) {
            if (ResultCodes.isIndicatorCodeLine(t.line(j))) {
                ctx.warn(j, "indicator " + t.line(j) + " shows no values (the document ends or is cut before them);"
                        + " not kept");
            }
        }
    }

    /** Reads one block whose headline is at {@code h}; returns the last line it used. */
    private int block(ParseContext ctx, int pre, int h, int to, String outcomeId, String outputCode, BitSet consumed) {
        SourceText t = ctx.text;
        IndicatorDraft d = new IndicatorDraft(outcomeId, outputCode, h);
        int codeLine = -1;
        for (int j = pre; j < h; j++) {
            if (ResultCodes.isIndicatorCodeLine(t.line(j))) {
                if (codeLine > 0) {
                    ctx.warn(codeLine, "indicator " + t.line(codeLine) + " shows no values; not kept");
                }
                codeLine = j;
            }
        }
        if (codeLine > 0) {
            d.code = t.line(codeLine);
            d.cover(LineRange.of(codeLine));
        }
        readStatementAndTags(ctx, d, codeLine > 0 ? codeLine + 1 : pre, h - 1, consumed);
        if (d.statement == null && d.code == null) {
            ctx.warn(h, "values at line " + h + " without an indicator code or statement; not kept");
            return h;
        }
        if (d.statement == null) {
            ctx.warn(codeLine, "indicator " + d.code + " shows no statement");
        }
        Block block = new Block(d);
        int last = headline(ctx, block, h);
        last = rows(ctx, block, last + 1, to);
        blocks.add(block);
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

    /** Reads the headline at {@code h} (one line, or year / Result / value); returns its last line. */
    private static int headline(ParseContext ctx, Block b, int h) {
        SourceText t = ctx.text;
        Matcher m = HEADLINE.matcher(t.line(h));
        if (m.matches()) {
            if (t.isCut(h)) {
                b.draft.partial = true;
                return h;
            }
            b.cells.add(new Cell(Integer.valueOf(m.group(1)), ObservationKind.RESULT, m.group(2).trim(),
                    LineRange.of(h), true));
            b.draft.cover(LineRange.of(h));
            return h;
        }
        int label = t.nextNonBlank(h + 1);
        int value = t.nextNonBlank(label + 1);
        if (value > t.size() || t.isCut(value)) {
            b.draft.partial = true;
            return Math.min(label, t.size());
        }
        b.cells.add(new Cell(Integer.valueOf(t.line(h)), ObservationKind.RESULT, t.line(value),
                new LineRange(h, value), true));
        b.draft.cover(new LineRange(h, value));
        int next = t.nextNonBlank(value + 1);
        // the flattened page repeats the code, then the scope of the values ("Country")
        if (next <= t.size() && b.draft.code != null && t.line(next).equals(b.draft.code)) {
            int scope = t.nextNonBlank(next + 1);
            if (scope <= t.size() && SCOPE.matcher(t.line(scope)).matches()) {
                b.draft.cover(new LineRange(next, scope));
                return scope;
            }
        }
        return value;
    }

    /** Reads year / kind / value lines from {@code from}; returns the last line used. */
    private static int rows(ParseContext ctx, Block b, int from, int to) {
        SourceText t = ctx.text;
        IndicatorDraft d = b.draft;
        Integer year = null;
        int yearLine = -1;
        boolean haveYear = false;
        int last = from - 1;
        int j = t.nextNonBlank(from);
        while (j <= to) {
            String l = t.line(j);
            Matcher k = KIND.matcher(l);
            if (!k.matches()) {
                int next = t.nextNonBlank(j + 1);
                boolean labelNext = next <= to && KIND.matcher(t.line(next)).matches()
                        && !t.line(next).equalsIgnoreCase("result");
                if ((YEAR.matcher(l).matches() || NO_YEAR.matcher(l).matches()) && (labelNext || next > to)) {
                    if (next > t.size() || t.isCut(j)) {
                        return cut(ctx, d, j);
                    }
                    year = YEAR.matcher(l).matches() ? Integer.valueOf(l) : null;
                    yearLine = j;
                    haveYear = true;
                    last = j;
                    j = next;
                    continue;
                }
                if (t.isCut(j) || next <= t.size() && t.isCut(next) && YEAR.matcher(l).matches()) {
                    return cut(ctx, d, j); // a year or label cut short ("202", "Mil")
                }
                break;
            }
            if (!haveYear) {
                ctx.warn(j, d.label() + ": '" + l + "' without a year before it; the block ends here");
                break;
            }
            ObservationKind kind = kind(k.group(1));
            int v = t.nextNonBlank(j + 1);
            if (v > t.size() || t.isCut(v)) {
                return cut(ctx, d, yearLine);
            }
            if (v > to || ResultCodes.isIndicatorCodeLine(t.line(v)) || isHeadline(t, v)) {
                ctx.warn(j, d.label() + ": " + l + " without a value; kept as empty");
                b.cells.add(new Cell(year, kind, "", new LineRange(yearLine, j), false));
                last = j;
                j = v;
                continue;
            }
            if (KIND.matcher(t.line(v)).matches()) {
                // a label directly followed by the next label: the page shows no value
                b.cells.add(new Cell(year, kind, "", new LineRange(yearLine, j), false));
                last = j;
                j = v;
                continue;
            }
            b.cells.add(new Cell(year, kind, t.line(v), new LineRange(yearLine, v), false));
            d.cover(new LineRange(yearLine, v));
            last = v;
            j = t.nextNonBlank(v + 1);
        }
        if (j > t.size()) {
            d.partial = true; // the document ends with this block: more rows may have followed
        }
        return Math.max(last, from - 1);
    }

    /** The document ends inside the block from {@code line} on: what came before is kept, the rest is not shown. */
    private static int cut(ParseContext ctx, IndicatorDraft d, int line) {
        d.partial = true;
        ctx.warn(line, d.label() + ": the document ends inside its block (from line " + line + "); the rows before"
                + " are kept, the rest is not shown");
        return ctx.text.size();
    }

    /** Decides the page's doubling and adds every block's observations to {@code into}. */
    void resolve(ParseContext ctx, Indicators into) {
        Doubling doubling = Doubling.decide(ctx, blocks);
        for (Block b : blocks) {
            for (Cell c : b.cells) {
                ObservedValue v = doubling.value(c, b.draft, ctx);
                if (c.headline()) {
                    b.draft.addHeadline(c.year(), v, c.lines());
                } else {
                    b.draft.addRow(c.year(), c.kind(), v, c.lines());
                }
            }
            warnContradictingHeadline(ctx, b.draft);
            if (!b.draft.hasObservations()) {
                ctx.warn(b.draft.lines.first(), b.draft.label() + " shows no values before the document ends; not kept");
            } else {
                into.add(b.draft, ctx);
            }
        }
        blocks.clear();
    }

    /** The headline repeats its year's result row; when the two differ the page contradicts itself. */
    private static void warnContradictingHeadline(ParseContext ctx, IndicatorDraft d) {
        for (Observation h : d.observations()) {
            if (!h.headline()) {
                continue;
            }
            Observation row = d.get(h.year(), ObservationKind.RESULT);
            if (row != null && !row.value().raw().equals(h.value().raw())) {
                ctx.warn(h.lines().first(), d.label() + ": the headline shows '" + h.value().raw() + "' for " + h.year()
                        + " but its row (line " + row.lines().last() + ") shows '" + row.value().raw()
                        + "'; both are kept as shown");
            }
        }
    }

    /**
     * How the page prints its values. The outcome pages print cells twice, in two renderings:
     * <ul>
     *   <li>with a space between the copies ({@code 0 0}, {@code - -}, {@code No data No data}): always a
     *       value printed twice, as no single value on these pages is two equal words;</li>
     *   <li>run together ({@code 22}, {@code 3535}, {@code --}, {@code TBDTBD}, a sentence twice): every
     *       baseline of the outcome-detail pages is printed so. Milestones and results are printed so on some
     *       pages only, and {@code 44} alone cannot tell: they are read as printed twice when the page proves
     *       it — a headline {@code 2021 Result 4} against its row {@code 44}, or a word twice ({@code YesYes},
     *       {@code NANA}, {@code --}) — and no milestone or result of the page is printed once ({@code -},
     *       {@code 48.47}); otherwise as shown, with a warning where a token could be either.</li>
     * </ul>
     * The token as printed is kept ({@link ObservedValue#printed()}).
     */
    record Doubling(boolean rowsDoubled, boolean spacedPairs) {

        static Doubling decide(ParseContext ctx, List<Block> blocks) {
            int proofs = 0;
            int against = 0;
            int pairs = 0;
            String ambiguous = null;
            int ambiguousLine = 0;
            for (Block b : blocks) {
                for (Cell c : b.cells) {
                    if (spaced(c.token()).isPresent()) {
                        pairs++;
                        continue;
                    }
                    if (c.headline() || c.kind() == ObservationKind.BASELINE || c.token().isEmpty()) {
                        continue;
                    }
                    Optional<String> half = ValueTokens.half(c.token());
                    if (half.isEmpty()) {
                        against++;
                    } else if (ValueTokens.read(half.get()).type() != ValueType.NUMBER) {
                        proofs++; // a word or marker twice: no single value reads so
                    } else if (ambiguous == null) {
                        ambiguous = c.token();
                        ambiguousLine = c.lines().last();
                    }
                }
                for (Cell h : b.cells) {
                    if (!h.headline()) {
                        continue;
                    }
                    for (Cell r : b.cells) {
                        if (!r.headline() && r.kind() == ObservationKind.RESULT && h.year().equals(r.year())
                                && !h.token().isEmpty() && r.token().equals(h.token() + h.token())) {
                            proofs++;
                        }
                    }
                }
            }
            boolean doubled = proofs > 0 && against == 0;
            if (proofs > 0 && against > 0) {
                ctx.warn(1, "some milestones or results look printed twice and others printed once; all are read"
                        + " as shown");
            } else if (!doubled && ambiguous != null) {
                ctx.warn(ambiguousLine, "'" + ambiguous + "' could be a value printed twice; no value on the page"
                        + " proves that milestones and results are, so it is read as shown");
            }
            return new Doubling(doubled, pairs > 0);
        }

        ObservedValue value(Cell c, IndicatorDraft d, ParseContext ctx) {
            String token = c.token();
            Optional<String> spaced = spaced(token);
            if (spaced.isPresent()) {
                return ValueTokens.read(spaced.get()).printedAs(token);
            }
            if (spacedPairs && token.matches("\\S+\\s+\\S+")) {
                ctx.warn(c.lines().last(), d.label() + ": the two copies of '" + token + "' differ; which is the value"
                        + " is not certain, so it is kept as shown, as text");
            }
            boolean twice = !c.headline() && (c.kind() == ObservationKind.BASELINE || rowsDoubled);
            if (twice && !token.isEmpty()) {
                Optional<String> half = ValueTokens.half(token);
                if (half.isPresent()) {
                    return ValueTokens.read(half.get()).printedAs(token);
                }
                if (c.kind() == ObservationKind.BASELINE) {
                    ctx.warn(c.lines().last(), d.label() + ": baseline '" + token + "' is not printed twice as the"
                            + " page's baselines are; read as shown");
                }
            }
            return ValueTokens.read(token);
        }

        /** Two equal halves separated by whitespace ({@code 0 0}). */
        private static Optional<String> spaced(String token) {
            return token.trim().contains(" ") || token.contains("\t")
                    ? ValueTokens.half(token).filter(h -> token.trim().length() == 2 * h.length() + 1
                            || token.trim().matches(Pattern.quote(h) + "\\s+" + Pattern.quote(h)))
                    : Optional.empty();
        }
    }
}
