package org.resultsflow.reporting.web;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.store.OfficeSummary;

/** What the dashboard pages show, ready to print. */
final class DashboardViews {

    private DashboardViews() {
    }

    @TemplateData
    record Overview(String office, String chartJs, List<HeatRow> heat, List<Integer> years, List<BudgetLine> budgets,
            List<FundingChart> funding, List<OutcomeLink> outcomes, String chartData) {
    }

    @TemplateData
    record OutcomePage(String id, String code, String office, String planPeriod, String statement, String chartJs,
            List<TimelineEntry> timeline, List<Integer> years, List<AttainmentLine> indicators, List<BudgetLine> budgets,
            List<Trajectory> trajectories, String chartData) {
    }

    /** An indicator's small chart: where its canvas is and what it is about. */
    @TemplateData
    record Trajectory(String canvas, String code, String statement) {
    }

    /** The home page: one row per office, sorted and paged, for one year or all. */
    @TemplateData
    record Portfolio(Integer year, List<Integer> years, String sort, boolean descending, int page, int size, long total,
            List<OfficeLine> offices) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        /** The page's address with one thing changed, the rest kept. */
        public String link(String sortKey, boolean desc, int toPage) {
            return "/?sort=" + sortKey + "&dir=" + (desc ? "desc" : "asc") + "&page=" + toPage + "&size=" + size
                    + (year == null ? "" : "&year=" + year);
        }

        /** A column header's link: the other direction when it is the current sort, else its natural one. */
        public String sortLink(String sortKey) {
            return link(sortKey, sortKey.equals(sort) ? !descending : !"office".equals(sortKey), 0);
        }

        public int pageNumber() {
            return page + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }

        public String previous() {
            return link(sort, descending, page - 1);
        }

        public String next() {
            return link(sort, descending, page + 1);
        }

        public List<Integer> sizes() {
            return List.of(10, 25, 50, 100, 200);
        }

        public String arrow(String sortKey) {
            return sortKey.equals(sort) ? (descending ? " ▼" : " ▲") : "";
        }
    }

    @TemplateData
    record OfficeLine(String office, long outcomes, String attainment, String attainmentTone, long met, long assessable,
            long onTrack, long atRisk, long offTrack, String funding, String delivery, long overSpends) {
    }

    @TemplateData
    record OutcomeLink(String id, String code, String office, String statement) {
    }

    /** One outcome's row of the heat map: a cell per year of the map. */
    @TemplateData
    record HeatRow(String outcomeId, String code, String statement, Map<Integer, HeatCell> cells) {

        public HeatCell cell(Integer year) {
            return cells.getOrDefault(year, HeatCell.EMPTY);
        }
    }

    @TemplateData
    record HeatCell(long met, long partial, long notMet, long notAssessable, String rate, String tone) {
        static final HeatCell EMPTY = new HeatCell(0, 0, 0, 0, null, "none");

        public long assessable() {
            return met + partial + notMet;
        }

        public boolean empty() {
            return met + partial + notMet + notAssessable == 0;
        }
    }

    @TemplateData
    record AttainmentLine(String code, String statement, String output, int sequence,
            Map<Integer, AttainmentCell> cells) {

        public AttainmentCell cell(Integer year) {
            return cells.get(year);
        }
    }

    @TemplateData
    record AttainmentCell(String status, String reason, String result, String expected, String ratio) {

        public String tone() {
            return DashboardViews.statusTone(status);
        }

        public String title() {
            String shown = "result " + (result == null ? "—" : result) + " vs " + (expected == null ? "—" : expected);
            return reason == null ? shown + (ratio.isEmpty() ? "" : " (ratio " + ratio + ")") : shown + ": " + reason;
        }
    }

    @TemplateData
    record BudgetLine(String label, String entity, Integer year, String planned, String actual, String expenses,
            String fundingRate, String deliveryRate, String shortfall, String statedShortfall, boolean mismatch,
            boolean overSpend, String utilisation, String utilisationReason) {
    }

    /**
     * The funding partners' contributions per year in one currency: a chart of its own, as amounts are never
     * converted and a bar of euros on a dollar axis would mislead.
     */
    @TemplateData
    record FundingChart(String canvas, String currency, int partners) {
    }

    @TemplateData
    /** @param year the year, or "undated"; @param output the output the note is filed under, or null */
    record TimelineEntry(String year, String status, String label, String tone, String firstSentence, String document,
            String output) {
    }

    static Map<Integer, HeatCell> cells(Map<Integer, long[]> years) {
        Map<Integer, HeatCell> cells = new java.util.TreeMap<>();
        years.forEach((year, c) -> {
            long assessable = c[0] + c[1] + c[2];
            String rate = assessable == 0 ? null : BigDecimal.valueOf(c[0] * 100L)
                    .divide(BigDecimal.valueOf(assessable), 0, RoundingMode.HALF_UP) + " %";
            String tone = assessable == 0 ? "na" : c[0] * 4 >= assessable * 3 ? "good" : c[0] * 2 >= assessable ? "fair" : "poor";
            cells.put(year, new HeatCell(c[0], c[1], c[2], c[3], rate, tone));
        });
        return cells;
    }

    static BudgetLine budgetLine(BudgetRow r) {
        String entity = Offices.outcomeCode(r.entityId());
        Integer year = r.reportingYear();
        return new BudgetLine(entity + (year == null ? "" : " (" + year + ")"), entity, year,
                amount(r.plannedAmount(), r.plannedCurrency(), r.planned()), usd(r.actual()),
                amount(r.expensesAmount(), r.expensesCurrency(), r.expenses()), percent(r.fundingRate()),
                percent(r.deliveryRate()), usd(r.computedShortfall()), usd(r.statedShortfall()),
                Boolean.TRUE.equals(r.shortfallMismatch()), r.overSpend(), percent(r.utilisationRate()),
                r.utilisationReason() == null ? "" : statusLabel(r.utilisationReason()));
    }

    /**
     * An amount in its own currency: US dollars as {@code $1,234}, another currency with its code ({@code EUR 3,000});
     * the US-dollar figure of a row written before amounts kept their currency.
     */
    static String amount(BigDecimal amount, String currency, BigDecimal usd) {
        if (amount == null || "USD".equals(currency)) {
            return usd(amount == null ? usd : amount);
        }
        long whole = amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
        return (whole < 0 ? "−" : "") + currency + " " + String.format(Locale.ROOT, "%,d", Math.abs(whole));
    }

    static OfficeLine officeLine(OfficeSummary o) {
        String tone = o.attainmentRate() == null ? "na" : o.attainmentRate().compareTo(new BigDecimal("0.8")) >= 0 ? "good"
                : o.attainmentRate().compareTo(new BigDecimal("0.5")) >= 0 ? "fair" : "poor";
        return new OfficeLine(o.office(), o.outcomes(), percent(o.attainmentRate()), tone, o.met(), o.assessable(),
                o.onTrack(), o.atRisk(), o.offTrack(), percent(o.fundingRate()), percent(o.deliveryRate()),
                o.overSpends());
    }

    static String usd(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        long whole = amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
        return (whole < 0 ? "−$" : "$") + String.format(Locale.ROOT, "%,d", Math.abs(whole));
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static String ratio(BigDecimal ratio) {
        return ratio == null ? "" : ratio.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String statusLabel(String status) {
        if (status == null) {
            return "Unstated";
        }
        String words = status.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Colour class of an attainment status. */
    static String statusTone(String status) {
        return switch (status == null ? "" : status) {
            case "MET" -> "met";
            case "PARTIAL" -> "partial";
            case "NOT_MET" -> "notmet";
            default -> "na";
        };
    }

    /** Colour class of a progress note's status class. */
    static String tone(String status) {
        return switch (status == null ? "" : status) {
            case "ACHIEVED", "SIGNIFICANT_PROGRESS", "ON_TRACK" -> "good";
            case "PROGRESS", "SOME_PROGRESS", "NOT_ACHIEVED_BUT_PROGRESS" -> "fair";
            case "NOT_ACHIEVED", "NO_PROGRESS" -> "poor";
            default -> "na";
        };
    }
}
