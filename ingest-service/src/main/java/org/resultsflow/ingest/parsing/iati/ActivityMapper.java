package org.resultsflow.ingest.parsing.iati;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Activity;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.Classification;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.MoneyFlow;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.Organisation;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.Reference;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.rules.OutcomeId;
import org.resultsflow.ingest.parsing.ParseWarning;
import org.resultsflow.ingest.parsing.ResultCodes;

/**
 * One IATI activity to the records of {@code contracts.results}: the activity is the outcome that owns its
 * results (as outputs, with their type) and budgets; each result's indicators carry the baselines, targets
 * and actuals. What cannot be read with certainty is kept as published and reported, never replaced by a
 * number (README: "IATI activity files").
 *
 * <p>Results and indicators are known by their place in the activity, unless the file itself says which portal
 * output and indicator they are (README: "Meeting the portal's records"): the activity's identifier is a portal
 * outcome id, the result's reference in the publisher's own vocabulary is an output code under that outcome, and
 * the indicator's is an indicator code. Titles are never compared.
 */
final class ActivityMapper {

    /** xsd:decimal, the form IATI gives values in. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2200;
    /** ResultVocabulary and IndicatorVocabulary 99: the reporting organisation's own codes, the portal's here. */
    private static final String OWN_VOCABULARY = "99";

    private final List<ParseWarning> warnings;
    private String lang;
    private String defaultCurrency;
    private String identifier;
    /** The outcome's office, given to each record of the activity: the catalog takes a record's office from it. */
    private String office;
    /** The portal outcome code when the identifier is a portal outcome id, else null. */
    private String portalCode;

    private ActivityMapper(List<ParseWarning> warnings) {
        this.warnings = warnings;
    }

    /**
     * The activity's records. An activity without an identifier is read all the same, its records without an
     * outcome id (as a page that does not show its outcome): previewed, and published only when the caller
     * names the outcome.
     */
    static IatiParser.ActivityRecords map(XmlElement activity, List<ParseWarning> warnings) {
        return new ActivityMapper(warnings).activity(activity);
    }

    private IatiParser.ActivityRecords activity(XmlElement a) {
        lang = a.value("xml:lang");
        defaultCurrency = a.value("default-currency");
        XmlElement id = a.first("iati-identifier");
        identifier = id == null || id.text().isEmpty() ? null : id.text();
        if (identifier != null && identifier.chars().anyMatch(Character::isWhitespace)) {
            warn(a, "iati-identifier '" + identifier + "' has white space in it; the activity is read as unidentified");
            identifier = null;
        }
        if (identifier == null) {
            warn(a, "activity at lines " + a.firstLine + "-" + a.lastLine + " has no iati-identifier; it is read, and"
                    + " can be published only with outcome=<the outcome it is about>");
        }
        Organisation reportingOrg = organisation(a.first("reporting-org"), false);
        Optional<OutcomeId> portalId = identifier == null ? Optional.empty()
                : OutcomeId.parse(identifier).filter(o -> o.id().equals(identifier));
        String code = portalId.map(OutcomeId::code).orElse(identifier);
        portalCode = portalId.map(OutcomeId::code).orElse(null);
        office = portalId.map(OutcomeId::office).orElse(reportingOrg == null ? null : reportingOrg.ref());

        List<Output> outputs = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        Set<String> portalOutputs = new HashSet<>();
        int n = 0;
        for (XmlElement result : a.all("result")) {
            n++;
            // Results and indicators have no identifier of their own in IATI: they are known by their place,
            // unless the result states the portal output it is.
            String portalOutput = portalOutput(result, portalOutputs);
            String resultCode = portalOutput != null ? portalOutput : identifier == null ? null : identifier + "/R" + n;
            outputs.add(new Output(resultCode, narrative(result.first("title")), List.of(), result.lines(),
                    code(IatiCodes.RESULT_TYPE, result, "type", "result"), bool(result, "aggregation-status"),
                    narrative(result.first("description")), references(result, "vocabulary-uri")));
            int m = 0;
            Set<String> portalIndicators = new HashSet<>();
            for (XmlElement indicator : result.all("indicator")) {
                m++;
                String portalIndicator = portalOutput == null ? null : portalIndicator(indicator, portalIndicators);
                // an indicator of a portal output that states no code of its own is known by its place in it
                String indicatorCode = portalIndicator != null ? portalIndicator
                        : resultCode == null ? "R" + n + ".I" + m : "I" + m;
                indicators.add(indicator(indicator, resultCode, indicatorCode, portalIndicator != null));
            }
            if (m == 0) {
                warn(result, "result " + n + " has no indicator");
            }
        }
        Activity activity = new Activity(identifier, reportingOrg, defaultCurrency, attr(a.first("activity-status"), "code"),
                a.all("activity-date").stream().map(this::date).toList(),
                a.all("recipient-country").stream().map(e -> classification(e, false)).toList(),
                a.all("recipient-region").stream().map(e -> classification(e, false)).toList(),
                a.all("sector").stream().map(e -> classification(e, false)).toList(),
                a.all("policy-marker").stream().map(e -> classification(e, true)).toList(),
                a.all("participating-org").stream().map(e -> organisation(e, true)).toList());
        Outcome outcome = new Outcome(identifier, code, office, null, narrative(a.first("title")), description(a),
                null, null, null, null, null, outputs, List.of(), a.lines(), activity);
        return new IatiParser.ActivityRecords(outcome, indicators, budgets(a));
    }

    /**
     * The portal output code a result states: under a portal outcome id, exactly one code of the reporting
     * organisation's vocabulary that is an output code of that outcome ({@code MEX_D_2.1.1} under
     * {@code MEX_D_2.1}); null otherwise, and when another result of the activity already stated it.
     */
    private String portalOutput(XmlElement result, Set<String> taken) {
        if (portalCode == null) {
            return null;
        }
        String code = ownCode(result, c -> ResultCodes.isUnder(c, portalCode), "an output code under " + portalCode);
        if (code != null && !taken.add(code)) {
            warn(result, "result states output " + code + " as an earlier result does; it is known by its place");
            return null;
        }
        return code;
    }

    /**
     * The portal indicator code an indicator of a portal output states: exactly one code of the reporting
     * organisation's vocabulary with the grammar of the framework's indicator codes ({@code MEX_D_2.1.1A},
     * {@code SP_D_0.1.d}) that names no output; null otherwise, and when another indicator of the result stated it.
     */
    private String portalIndicator(XmlElement indicator, Set<String> taken) {
        String code = ownCode(indicator, c -> ResultCodes.isIndicatorCode(c) && !ResultCodes.isUnder(c, portalCode),
                "an indicator code");
        if (code != null && !taken.add(code)) {
            warn(indicator, "indicator states code " + code + " as an earlier indicator of its result does; it is"
                    + " known by its place");
            return null;
        }
        return code;
    }

    /** The one distinct code of vocabulary 99 among the element's references that {@code fits}; else null. */
    private String ownCode(XmlElement e, java.util.function.Predicate<String> fits, String what) {
        Set<String> codes = new LinkedHashSet<>();
        for (XmlElement r : e.all("reference")) {
            String vocabulary = r.attribute("vocabulary");
            String code = r.attribute("code");
            if (vocabulary != null && OWN_VOCABULARY.equals(vocabulary.strip()) && code != null
                    && fits.test(code.strip())) {
                codes.add(code.strip());
            }
        }
        if (codes.size() > 1) {
            warn(e, e.name + " states several codes that are " + what + " " + codes + "; it is known by its place");
            return null;
        }
        return codes.isEmpty() ? null : codes.iterator().next();
    }

    /**
     * @param portal whether the indicator is a portal indicator: its values of one whole calendar year without
     *     dimensions, and its baselines of a year without dimensions, then have the portal's identity (year, kind,
     *     rank) with no period, so that the catalog sets them beside the portal's values of that year
     */
    private Indicator indicator(XmlElement e, String resultCode, String code, boolean portal) {
        String measure = code(IatiCodes.INDICATOR_MEASURE, e, "measure", "indicator");
        String statement = narrative(e.first("title"));
        String normalised = statement == null ? null : NormalisedStatement.of(statement);
        List<Observation> observations = new ArrayList<>();
        Map<String, Integer> ranks = new HashMap<>();
        for (XmlElement baseline : e.all("baseline")) {
            Integer year = year(baseline, baseline.value("year"), "baseline year");
            // the baseline's date is optional in 2.03; its year is what identifies it
            LocalDate date = baseline.attribute("iso-date") == null ? null : date(baseline, "iso-date", "baseline");
            observations.add(observation(baseline, ObservationKind.BASELINE, year, date, date, measure, ranks,
                    portal && year != null));
        }
        for (XmlElement period : e.all("period")) {
            LocalDate start = date(period.first("period-start"), "iso-date", "period-start");
            LocalDate end = date(period.first("period-end"), "iso-date", "period-end");
            if (period.first("period-start") == null) {
                warn(period, "indicator period has no period-start");
            }
            if (period.first("period-end") == null) {
                warn(period, "indicator period has no period-end; its values are kept without a year");
            }
            Integer year = end == null ? null : inRange(period, end.getYear(), "period-end year");
            boolean calendarYear = portal && year != null && start != null && start.equals(LocalDate.of(year, 1, 1))
                    && end.equals(LocalDate.of(year, 12, 31));
            for (XmlElement target : period.all("target")) {
                observations.add(observation(target, ObservationKind.MILESTONE, year, start, end, measure, ranks,
                        calendarYear));
            }
            for (XmlElement actual : period.all("actual")) {
                observations.add(observation(actual, ObservationKind.RESULT, year, start, end, measure, ranks,
                        calendarYear));
            }
        }
        String parent = resultCode != null ? resultCode : "";
        return new Indicator(parent + "::" + code, code, statement, normalised, identifier, resultCode, List.of(),
                observations, false, e.lines(), measure, bool(e, "ascending"), bool(e, "aggregation-status"),
                narrative(e.first("description")), references(e, "indicator-uri"), office);
    }

    /** @param yearValue whether the value, if it has no dimensions, is the year's value as the portal gives it */
    private Observation observation(XmlElement e, ObservationKind kind, Integer year, LocalDate start, LocalDate end,
            String measure, Map<String, Integer> ranks, boolean yearValue) {
        List<Dimension> dimensions = e.all("dimension").stream()
                .map(d -> new Dimension(d.attribute("name"), d.attribute("value"))).toList();
        List<String> locations = e.all("location").stream().map(l -> l.attribute("ref")).filter(Objects::nonNull)
                .toList();
        if (yearValue && dimensions.isEmpty()) {
            // the year says the whole period: without it the identity is the portal's (year, kind, rank)
            start = null;
            end = null;
        }
        // the rank is among the values of one year and kind (and period and dimensions), as the contract says
        String identity = kind + "|" + year + "|" + start + "|" + end + "|" + dimensions;
        int sequence = ranks.merge(identity, 1, Integer::sum);
        return new Observation(year, kind, sequence, false, value(e, measure), e.lines(), start, end, dimensions,
                narrative(e.first("comment")), locations);
    }

    private ObservedValue value(XmlElement e, String measure) {
        String raw = e.attribute("value");
        String what = e.name;
        if (raw == null) {
            if (!"QUALITATIVE".equals(measure)) {
                warn(e, what + " has no value");
            }
            return new ObservedValue("", ValueType.MARKER, null, null);
        }
        String token = raw.strip();
        if (token.isEmpty()) {
            warn(e, what + " has an empty value");
            return new ObservedValue(raw, ValueType.MARKER, null, null);
        }
        if (!DECIMAL.matcher(token).matches()) {
            warn(e, what + " value '" + raw + "' is not a number; kept as text");
            return new ObservedValue(raw, ValueType.TEXT, null, null);
        }
        BigDecimal number = new BigDecimal(token);
        return new ObservedValue(raw, "PERCENTAGE".equals(measure) ? ValueType.PERCENT : ValueType.NUMBER, number, null);
    }

    // --- budgets, planned disbursements, transactions

    private List<Budget> budgets(XmlElement a) {
        Map<Integer, List<MoneyFlow>> byYear = new LinkedHashMap<>();
        for (XmlElement b : a.all("budget")) {
            LocalDate end = date(b.first("period-end"), "iso-date", "budget period-end");
            requirePeriod(b, "budget");
            MoneyFlow flow = new MoneyFlow(MoneyFlow.Kind.BUDGET, code(IatiCodes.BUDGET_TYPE, b, "type", "budget"),
                    code(IatiCodes.BUDGET_STATUS, b, "status", "budget"),
                    date(b.first("period-start"), "iso-date", "budget period-start"), end, null, money(b), null, null,
                    b.lines());
            byYear.computeIfAbsent(budgetYear(end), k -> new ArrayList<>()).add(flow);
        }
        for (XmlElement p : a.all("planned-disbursement")) {
            LocalDate end = date(p.first("period-end"), "iso-date", "planned-disbursement period-end");
            MoneyFlow flow = new MoneyFlow(MoneyFlow.Kind.PLANNED_DISBURSEMENT,
                    code(IatiCodes.BUDGET_TYPE, p, "type", "planned-disbursement"), null,
                    date(p.first("period-start"), "iso-date", "planned-disbursement period-start"), end, null, money(p),
                    orgName(p.first("provider-org")), orgName(p.first("receiver-org")), p.lines());
            byYear.computeIfAbsent(budgetYear(end), k -> new ArrayList<>()).add(flow);
        }
        for (XmlElement t : a.all("transaction")) {
            XmlElement type = t.first("transaction-type");
            String typeName = type == null ? null : code(IatiCodes.TRANSACTION_TYPE, type, "code", "transaction-type");
            if (type == null) {
                warn(t, "transaction has no transaction-type");
            }
            XmlElement dateElement = t.first("transaction-date");
            if (dateElement == null) {
                warn(t, "transaction has no transaction-date; it is kept without a year");
            }
            LocalDate date = date(dateElement, "iso-date", "transaction-date");
            MoneyFlow flow = new MoneyFlow(MoneyFlow.Kind.TRANSACTION, typeName, null, null, null, date, money(t),
                    orgName(t.first("provider-org")), orgName(t.first("receiver-org")), t.lines());
            Integer year = date == null ? null : inRange(t, date.getYear(), "transaction year");
            byYear.computeIfAbsent(year, k -> new ArrayList<>()).add(flow);
        }
        List<Budget> budgets = new ArrayList<>();
        byYear.forEach((year, flows) -> {
            LineRange lines = flows.get(0).lines();
            for (MoneyFlow f : flows) {
                lines = lines.span(f.lines());
            }
            List<FundingContribution> funding = new ArrayList<>();
            // Each incoming-funds transaction is a contribution of its own: two of one provider in one year are
            // two values the activity states, numbered in document order, not one value stated twice.
            Map<String, Integer> ranks = new HashMap<>();
            for (MoneyFlow f : flows) {
                if (f.kind() == MoneyFlow.Kind.TRANSACTION && "INCOMING_FUNDS".equals(f.type())) {
                    if (year == null || f.provider() == null) {
                        warnAt(f.lines(), "incoming funds without " + (year == null ? "a date" : "a provider")
                                + " are kept with the budget but are no funding contribution");
                    } else {
                        funding.add(new FundingContribution(f.provider(), null, year, f.value(), null, null, null,
                                null, f.lines(), ranks.merge(f.provider(), 1, Integer::sum)));
                    }
                }
            }
            budgets.add(new Budget(identifier, BudgetEntityType.OUTCOME, identifier, year, planned(year, flows), null,
                    total(year, flows, "expenditure", f -> f.kind() == MoneyFlow.Kind.TRANSACTION
                            && "EXPENDITURE".equals(f.type())),
                    null, null, null, funding, lines, flows, office));
        });
        return budgets;
    }

    /** IATI's rule: a budget period ending January to June counts to the previous calendar year. */
    static Integer budgetYear(LocalDate periodEnd) {
        if (periodEnd == null) {
            return null;
        }
        int year = periodEnd.getMonthValue() <= 6 ? periodEnd.getYear() - 1 : periodEnd.getYear();
        return year < MIN_YEAR || year > MAX_YEAR ? null : year;
    }

    /** The year's budget: the revised budgets when there are any, else the original ones. */
    private Money planned(Integer year, List<MoneyFlow> flows) {
        List<MoneyFlow> budgets = flows.stream().filter(f -> f.kind() == MoneyFlow.Kind.BUDGET).toList();
        if (budgets.isEmpty() || year == null) {
            return null;
        }
        if (budgets.stream().anyMatch(f -> !"ORIGINAL".equals(f.type()) && !"REVISED".equals(f.type()))) {
            warnAt(budgets.get(0).lines(), "budgets of " + year + " of a type neither original nor revised; no"
                    + " budget total for the year");
            return null;
        }
        boolean revised = budgets.stream().anyMatch(f -> "REVISED".equals(f.type()));
        String type = revised ? "REVISED" : "ORIGINAL";
        return total(year, flows, "budget", f -> f.kind() == MoneyFlow.Kind.BUDGET && type.equals(f.type()));
    }

    /**
     * The sum of the year's flows of one kind, in their one currency; null (with a warning) when their
     * currencies differ or one has no amount: adding them would mean converting or guessing.
     */
    private Money total(Integer year, List<MoneyFlow> flows, String what, java.util.function.Predicate<MoneyFlow> which) {
        List<MoneyFlow> chosen = flows.stream().filter(which).toList();
        if (chosen.isEmpty() || year == null) {
            return null;
        }
        if (chosen.size() == 1) {
            return chosen.get(0).value();
        }
        Set<String> currencies = new LinkedHashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (MoneyFlow f : chosen) {
            if (f.value() == null || f.value().amount() == null) {
                warnAt(f.lines(), what + " of " + year + " without an amount; no " + what + " total for the year");
                return null;
            }
            currencies.add(f.value().currency());
            sum = sum.add(f.value().amount());
        }
        if (currencies.size() > 1) {
            warnAt(chosen.get(0).lines(), what + " of " + year + " in several currencies " + currencies
                    + "; no " + what + " total for the year (amounts are never converted)");
            return null;
        }
        return Money.in(sum.toPlainString(), currencies.iterator().next(), sum, null);
    }

    private void requirePeriod(XmlElement b, String what) {
        if (b.first("period-start") == null) {
            warn(b, what + " has no period-start");
        }
        if (b.first("period-end") == null) {
            warn(b, what + " has no period-end; it counts to no year");
        }
    }

    /** The value element of a budget or transaction; never 0 for what is not a number. */
    private Money money(XmlElement parent) {
        List<XmlElement> values = parent.all("value");
        if (values.isEmpty()) {
            warn(parent, parent.name + " has no value");
            return null;
        }
        if (values.size() > 1) {
            warn(parent, parent.name + " has " + values.size() + " values; the first is read");
        }
        XmlElement v = values.get(0);
        String raw = v.text();
        String currency = v.value("currency") != null ? v.value("currency") : defaultCurrency;
        LocalDate valueDate = date(v, "value-date", parent.name + " value");
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            warn(v, parent.name + " currency '" + currency + "' is not an ISO 4217 code; kept as published");
        }
        if (currency == null) {
            warn(v, parent.name + " value '" + raw + "' names no currency and the activity no default-currency;"
                    + " kept as published");
        }
        if (!DECIMAL.matcher(raw).matches()) {
            warn(v, parent.name + " value '" + raw + "' is not a number; kept as published");
            return new Money(raw, null, currency, null, valueDate);
        }
        return currency == null ? new Money(raw, null, null, null, valueDate)
                : Money.in(raw, currency, new BigDecimal(raw), valueDate);
    }

    // --- the activity's own facts

    private String description(XmlElement a) {
        List<XmlElement> descriptions = a.all("description");
        for (XmlElement d : descriptions) {
            if (d.attribute("type") == null || "1".equals(d.value("type"))) {
                return narrative(d);
            }
        }
        return descriptions.isEmpty() ? null : narrative(descriptions.get(0));
    }

    private Activity.Date date(XmlElement e) {
        String type = code(IatiCodes.ACTIVITY_DATE_TYPE, e, "type", "activity-date");
        return new Activity.Date(type, date(e, "iso-date", "activity-date"), e.attribute("iso-date"));
    }

    private Classification classification(XmlElement e, boolean marker) {
        return new Classification(e.value("vocabulary"), e.attribute("code"), e.attribute("percentage"),
                marker ? e.attribute("significance") : null, narrative(e));
    }

    private Organisation organisation(XmlElement e, boolean participating) {
        if (e == null) {
            return null;
        }
        return new Organisation(e.value("ref"), e.value("type"),
                participating ? code(IatiCodes.ORGANISATION_ROLE, e, "role", "participating-org") : null,
                narrative(e), e.value("activity-id"));
    }

    private String orgName(XmlElement e) {
        if (e == null) {
            return null;
        }
        String name = narrative(e);
        return name != null ? name : e.value("ref");
    }

    private List<Reference> references(XmlElement e, String uriAttribute) {
        return e.all("reference").stream().map(r -> {
            if (r.attribute("vocabulary") == null) {
                warn(r, e.name + " reference has no vocabulary");
            }
            if (r.attribute("code") == null) {
                warn(r, e.name + " reference has no code");
            }
            String uri = r.attribute(uriAttribute) != null ? r.attribute(uriAttribute) : r.attribute("vocabulary-uri");
            return new Reference(r.attribute("vocabulary"), r.attribute("code"), uri);
        }).toList();
    }

    /** The narrative in the activity's language (or without one), else the first; the text of pre-2.01 elements. */
    private String narrative(XmlElement e) {
        if (e == null) {
            return null;
        }
        List<XmlElement> narratives = e.all("narrative");
        for (XmlElement n : narratives) {
            String l = n.value("xml:lang");
            if ((l == null || l.equalsIgnoreCase(lang == null ? "" : lang)) && !n.text().isEmpty()) {
                return n.text();
            }
        }
        for (XmlElement n : narratives) {
            if (!n.text().isEmpty()) {
                return n.text();
            }
        }
        return e.text().isEmpty() ? null : e.text();
    }

    /** A code's name, or the code as published (with a warning) when it is in no list; null when absent. */
    private String code(IatiCodes list, XmlElement e, String attribute, String what) {
        String raw = e.attribute(attribute);
        if (raw == null) {
            return null;
        }
        String name = list.name(raw);
        if (name == null) {
            warn(e, what + " @" + attribute + " '" + raw + "' is not a known code; kept as published");
            return raw;
        }
        return name;
    }

    private Boolean bool(XmlElement e, String attribute) {
        String raw = e.attribute(attribute);
        if (raw == null) {
            return null;
        }
        return switch (raw.strip()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> {
                warn(e, e.name + " @" + attribute + " '" + raw + "' is not a boolean; not read");
                yield null;
            }
        };
    }

    private LocalDate date(XmlElement e, String attribute, String what) {
        if (e == null) {
            return null;
        }
        String raw = e.attribute(attribute);
        if (raw == null) {
            warn(e, what + " has no @" + attribute);
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException ex) {
            warn(e, what + " @" + attribute + " '" + raw + "' is not an ISO date; not read");
            return null;
        }
    }

    private Integer year(XmlElement e, String raw, String what) {
        if (raw == null) {
            return null;
        }
        try {
            return inRange(e, Integer.parseInt(raw.strip()), what);
        } catch (NumberFormatException ex) {
            warn(e, what + " '" + raw + "' is not a year; not read");
            return null;
        }
    }

    private Integer inRange(XmlElement e, int year, String what) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            warn(e, what + " " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR + "; not read");
            return null;
        }
        return year;
    }

    private static String attr(XmlElement e, String attribute) {
        return e == null ? null : e.value(attribute);
    }

    private void warn(XmlElement e, String message) {
        warnAt(e.lines(), message);
    }

    private void warnAt(LineRange lines, String message) {
        warnings.add(new ParseWarning(lines.first(), identifier == null ? message : identifier + ": " + message));
    }
}
