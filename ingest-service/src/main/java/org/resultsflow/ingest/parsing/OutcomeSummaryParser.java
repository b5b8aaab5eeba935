package org.resultsflow.ingest.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;

/**
 * Outcome summary page: {@code Outcome summary} and the statement, the funding partners' contributions as a
 * table (one row per partner, one cell per year: {@code <partner> | $14,920 2023}, then the cell's tooltip
 * with {@code Total contribution:}, {@code Development:} and {@code Humanitarian:}, closed by {@code |}; a
 * year without data is {@code --} / year / {@code No data available}), and progress notes of several years,
 * each preceded by the statement again.
 *
 * <p>The page itself does not show the outcome's id or code (the portal has it only in the address); the
 * outcome and its budget then carry a null id, with a warning, rather than an id guessed from the statement.
 * A note's year comes from its opening sentence only.
 */
final class OutcomeSummaryParser implements LayoutParser {

    private static final Pattern YEARS_HEADER = Pattern.compile("^(?:(?:19|20)\\d{2}\\s*\\|\\s*)+(?:\\|\\s*)*$");
    private static final Pattern SEPARATOR = Pattern.compile("^[-|:\\s]*\\|[-|:\\s]*$");
    private static final String MONEY = "(?:US)?\\$\\s?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?[KMB])?";
    private static final Pattern ROW_START = Pattern.compile("^(?<partner>[^|$]*[^|$\\s])\\s*\\|\\s*(?<cell>.*)$");
    private static final Pattern CELL = Pattern.compile("^(?<amount>" + MONEY + ")\\s+(?<year>(?:19|20)\\d{2})$");
    private static final Pattern NO_DATA_START = Pattern.compile("^--$");
    private static final Pattern YEAR_ONLY = Pattern.compile("^((?:19|20)\\d{2})$");
    private static final String SHARE = "\\s*(?:\\(\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*\\))?$";
    private static final Pattern TOTAL = Pattern.compile("(?i)^Total contribution\\s*:\\s*(" + MONEY + ")" + SHARE);
    private static final Pattern DEVELOPMENT = Pattern.compile("(?i)^Development\\s*:\\s*(" + MONEY + ")" + SHARE);
    private static final Pattern HUMANITARIAN = Pattern.compile("(?i)^Humanitarian\\s*:\\s*(" + MONEY + ")" + SHARE);
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^lorem ipsum\\b.*");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int title = find(t, 1, "Outcome summary");
        Optional<ResultCodes.OutcomeRef> ref = findOutcomeId(t).or(() -> Optional.ofNullable(ctx.address.outcome()));
        OutcomeDraft outcome = new OutcomeDraft(ref.orElse(null), title > 0 ? title : 1);
        if (ref.isEmpty()) {
            ctx.warn(title > 0 ? title : 1, "the outcome summary does not show the outcome's id or code; its outcome"
                    + " and budget carry no id (the caller must supply it)");
        }
        int statementLine = title > 0 ? t.nextNonBlank(title + 1) : -1;
        if (statementLine > 0 && statementLine <= t.size() && !isSectionTitle(t.line(statementLine))) {
            outcome.statement = t.line(statementLine);
            outcome.cover(statementLine);
        } else {
            ctx.warn(title > 0 ? title : 1, "no outcome statement after the title");
        }
        outcome.planPeriod = ctx.planPeriod();

        List<FundingContribution> funding = new ArrayList<>();
        LineRange tableLines = readFunding(ctx, funding);

        int notesTitle = find(t, 1, "Outcome progress note for the year");
        if (notesTitle > 0 && outcome.statement != null) {
            readNotes(ctx, outcome, notesTitle + 1);
        }
        List<Budget> budgets = new ArrayList<>();
        if (!funding.isEmpty()) {
            budgets.add(new Budget(outcome.id, BudgetEntityType.OUTCOME, outcome.id, ctx.declared.dataYear,
                    null, null, null, null, null, null, List.copyOf(funding), tableLines));
            outcome.cover(tableLines);
        }
        return new Result(outcome.statement == null ? List.of() : List.of(outcome.build()), List.of(), budgets);
    }

    private static Optional<ResultCodes.OutcomeRef> findOutcomeId(SourceText t) {
        Pattern fullId = Pattern.compile("XM-DAC-\\d+-" + ResultCodes.CODE);
        for (int i = 1; i <= t.size(); i++) {
            String line = t.line(i);
            if (line.length() > 200) {
                continue;
            }
            Optional<ResultCodes.OutcomeRef> h = ResultCodes.outcomeHeader(line);
            if (h.isPresent()) {
                return h;
            }
            Matcher m = fullId.matcher(line);
            if (m.find()) {
                return ResultCodes.outcomeId(m.group());
            }
        }
        return Optional.empty();
    }

    private static boolean isSectionTitle(String line) {
        return line.matches("(?i)^outcome (?:resources|and output results|insights and achievements|progress note for the year)$");
    }

    private static int find(SourceText t, int from, String exact) {
        for (int i = from; i <= t.size(); i++) {
            if (t.line(i).equalsIgnoreCase(exact)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads every funding table; returns the lines they span (null when there is none). */
    private static LineRange readFunding(ParseContext ctx, List<FundingContribution> out) {
        SourceText t = ctx.text;
        LineRange span = null;
        String partner = null;
        Cell cell = null;
        boolean inTable = false;
        for (int i = 1; i <= t.size(); i++) {
            String line = t.line(i);
            if (YEARS_HEADER.matcher(line).matches()) {
                cell = close(ctx, partner, cell, out);
                inTable = true;
                partner = null;
                span = span == null ? LineRange.of(i) : span.span(LineRange.of(i));
                continue;
            }
            if (!inTable || line.isEmpty()) {
                continue;
            }
            if (isSectionTitle(line) || line.length() > 200) {
                cell = close(ctx, partner, cell, out);
                inTable = false;
                continue;
            }
            span = span.span(LineRange.of(i));
            Matcher m;
            if (SEPARATOR.matcher(line).matches() && !line.equals("|")) {
                continue;
            }
            if (line.equals("|")) {
                if (cell != null) {
                    cell.last = i;
                }
                cell = close(ctx, partner, cell, out);
                continue;
            }
            if ((m = ROW_START.matcher(line)).matches() && (CELL.matcher(m.group("cell")).matches()
                    || m.group("cell").equals("--"))) {
                cell = close(ctx, partner, cell, out);
                partner = m.group("partner").trim();
                Matcher c = CELL.matcher(m.group("cell"));
                cell = c.matches() ? new Cell(c.group("amount"), Integer.parseInt(c.group("year")), i) : Cell.noData(i);
                continue;
            }
            if ((m = CELL.matcher(line)).matches()) {
                cell = close(ctx, partner, cell, out);
                if (partner == null) {
                    ctx.warn(i, "funding amount without a partner row; skipped");
                    continue;
                }
                cell = new Cell(m.group("amount"), Integer.parseInt(m.group("year")), i);
                continue;
            }
            if (NO_DATA_START.matcher(line).matches()) {
                cell = close(ctx, partner, cell, out);
                cell = Cell.noData(i);
                continue;
            }
            if (cell == null) {
                if (!PLACEHOLDER.matcher(line).matches()) {
                    ctx.warn(i, "line in the funding table not understood; skipped: '" + abbreviate(line) + "'");
                }
                continue;
            }
            cell.last = i;
            if (cell.noData) {
                if ((m = YEAR_ONLY.matcher(line)).matches()) {
                    cell.year = Integer.parseInt(m.group(1));
                } else if (!line.equalsIgnoreCase("No data available")) {
                    ctx.warn(i, "unexpected line in an empty funding cell; skipped: '" + abbreviate(line) + "'");
                }
            } else if ((m = TOTAL.matcher(line)).matches()) {
                cell.total = money(ctx, m.group(1), i);
            } else if ((m = DEVELOPMENT.matcher(line)).matches()) {
                cell.development = money(ctx, m.group(1), i);
                cell.developmentShare = m.group(2) == null ? null : new BigDecimal(m.group(2));
            } else if ((m = HUMANITARIAN.matcher(line)).matches()) {
                cell.humanitarian = money(ctx, m.group(1), i);
                cell.humanitarianShare = m.group(2) == null ? null : new BigDecimal(m.group(2));
            } else if (partner != null && line.startsWith(partner)) {
                // the tooltip repeats the partner's name, run together with its kind ("DenmarkOECD-DAC donor")
                String kind = line.substring(partner.length()).trim();
                cell.partnerType = kind.isEmpty() ? null : kind;
            } else if (!PLACEHOLDER.matcher(line).matches()) {
                ctx.warn(i, "line in a funding cell not understood; skipped: '" + abbreviate(line) + "'");
            }
        }
        close(ctx, partner, cell, out);
        return span;
    }

    private static Money money(ParseContext ctx, String raw, int line) {
        Optional<Money> m = MoneyValues.read(raw);
        if (m.isEmpty()) {
            ctx.warn(line, "amount not understood: '" + raw + "'");
        }
        return m.orElse(null);
    }

    private static Cell close(ParseContext ctx, String partner, Cell cell, List<FundingContribution> out) {
        if (cell == null || cell.noData) {
            return null;
        }
        if (ctx.text.isCut(cell.last)) {
            ctx.warn(cell.first, "funding cell of " + partner + " " + cell.year + " is cut by the end of the document;"
                    + " not kept");
            return null;
        }
        Optional<Money> shown = MoneyValues.read(cell.amount);
        if (shown.isEmpty()) {
            ctx.warn(cell.first, "funding amount not understood: '" + cell.amount + "'; cell skipped");
            return null;
        }
        Money total = cell.total != null ? cell.total : shown.get();
        if (cell.total != null && cell.total.usd().compareTo(shown.get().usd()) != 0) {
            ctx.warn(cell.first, "funding cell of " + partner + " " + cell.year + " shows " + cell.amount
                    + " but its total contribution is " + cell.total.raw() + "; cell skipped");
            return null;
        }
        out.add(new FundingContribution(partner, cell.partnerType, cell.year, total, cell.development,
                cell.humanitarian, cell.developmentShare, cell.humanitarianShare,
                new LineRange(cell.first, Math.max(cell.first, cell.last))));
        return null;
    }

    /**
     * The notes section: a title line (the outcome's statement, or an output's), then its note, then the
     * next title. A note under the outcome's statement is the outcome's; under another title it is the note
     * of that output (its code is not shown).
     */
    private void readNotes(ParseContext ctx, OutcomeDraft outcome, int from) {
        SourceText t = ctx.text;
        String statementKey = outcome.statement == null ? null : Statements.normalise(outcome.statement);
        int i = t.nextNonBlank(from);
        while (i <= t.size() && !isNotesEnd(t.line(i))) {
            int title = i;
            List<String> text = new ArrayList<>();
            int first = t.nextNonBlank(title + 1);
            int last = first;
            int j = first;
            while (j <= t.size() && !isNotesEnd(t.line(j)) && (text.isEmpty() || !isTitle(t.line(j), statementKey))) {
                text.add(t.line(j));
                last = j;
                j = t.nextNonBlank(j + 1);
            }
            i = j;
            if (text.isEmpty()) {
                ctx.warn(title, "a title without a progress note after it; not kept");
                continue;
            }
            String narrative = String.join("\n", text);
            boolean ofOutcome = statementKey != null && Statements.normalise(t.line(title)).equals(statementKey);
            String label = ofOutcome ? outcome.label() : "output '" + t.line(title) + "'";
            ProgressNote note = Notes.read(ctx, narrative, first, last, label);
            if (ofOutcome) {
                outcome.cover(new LineRange(title, last));
                outcome.addNote(note, ctx);
            } else {
                outcome.addOutput(ctx, new Output(null, t.line(title), List.of(note), new LineRange(title, last)));
            }
        }
    }

    private static boolean isNotesEnd(String line) {
        return line.matches("(?i)^(?:strategic plan contributions|documents)$");
    }

    /** A title: the outcome's statement, or a short line that does not end a sentence. */
    private static boolean isTitle(String line, String statementKey) {
        return statementKey != null && Statements.normalise(line).equals(statementKey)
                || line.length() <= 250 && !line.matches(".*[.!?:;,]$");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static final class Cell {
        final String amount;
        int year;
        final int first;
        int last;
        final boolean noData;
        Money total;
        Money development;
        Money humanitarian;
        BigDecimal developmentShare;
        BigDecimal humanitarianShare;
        String partnerType;

        Cell(String amount, int year, int first) {
            this(amount, year, first, false);
        }

        private Cell(String amount, int year, int first, boolean noData) {
            this.amount = amount;
            this.year = year;
            this.first = first;
            this.last = first;
            this.noData = noData;
        }

        static Cell noData(int line) {
            return new Cell(null, 0, line, true);
        }
    }
}
