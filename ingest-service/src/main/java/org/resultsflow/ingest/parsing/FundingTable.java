package org.resultsflow.ingest.parsing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;

/**
 * The funding partners' contributions, a table as pipe text: a header of years ({@code 2023 | 2022 | |}), a
 * separator, then one row per partner ({@code <partner> | $14,920 2023}) whose cells each continue with their
 * tooltip ({@code <partner><partner type>}, {@code Total contribution:}, {@code Development:$…(100%)},
 * {@code Humanitarian:$…(0%)}) and are closed by a line holding {@code |}; a year without data is {@code --} /
 * year / {@code No data available}. A cell cut by the end of the document is not kept.
 */
final class FundingTable {

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

    private FundingTable() {
    }

    static boolean isSectionTitle(String line) {
        return line.matches("(?i)^outcome (?:resources|and output results|insights and achievements|progress note for the year)$");
    }

    /** Reads every funding table; returns the lines they span (null when there is none). */
    static LineRange read(ParseContext ctx, List<FundingContribution> out) {
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
