package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.LineRange;

/**
 * Reads the outcome's details wherever a page shows them, in each rendering the portal uses: a label and its
 * value on one line ({@code Policy marker GENDER EQUALITY}), glued ({@code Humanitarian scopeNo}), or on the
 * lines after the label ({@code Policy marker} / {@code GENDER EQUALITY}); a label may repeat before its
 * values ({@code Impact areas} / {@code Impact areas} / {@code Governance …}). Labels: SDG alignment, impact
 * areas, organisational outputs, policy marker, humanitarian scope, UN system functions, description.
 */
final class OutcomeDetailsReader {

    /** Section titles and page chrome that end the details. */
    private static final Pattern END = Pattern.compile("(?i)^(?:resources|outcome resources|download data"
            + "|outcome and output results|outcome indicators? and results\\b.*|documents|outcome summary)$");

    private OutcomeDetailsReader() {
    }

    static void read(ParseContext ctx, OutcomeDraft outcome, int from, int to) {
        read(ctx, outcome, from, to, new boolean[ctx.text.size() + 2]);
    }

    /**
     * As {@link #read(ParseContext, OutcomeDraft, int, int)}, where {@code noise} marks lines that are not the
     * page's content (a PDF's printed footer and address). Such a line ends the list before it, and a value
     * standing apart from every label — a two-column layout printed one column after the other — is taken for
     * the one label still without a value that such a value fits, with a warning; where none or several fit,
     * it is not taken, with a warning.
     */
    static void read(ParseContext ctx, OutcomeDraft outcome, int from, int to, boolean[] noise) {
        SourceText t = ctx.text;
        OutcomeDetails.Label current = null;
        int currentLine = -1;
        boolean hasValue = false;
        boolean closed = false;
        boolean otherSection = false;
        Map<OutcomeDetails.Label, Integer> pending = new EnumMap<>(OutcomeDetails.Label.class);
        List<Integer> apart = new ArrayList<>();
        List<String> description = new ArrayList<>();
        List<Integer> placeholders = new ArrayList<>();
        int descFirst = -1;
        int descLast = -1;
        for (int i = from; i <= to; i++) {
            if (noise[i]) {
                closed = true;
                continue;
            }
            String line = t.line(i);
            if (line.isEmpty() || t.isCut(i)) {
                continue;
            }
            if (END.matcher(line).matches()) {
                // another section: what follows is not a detail
                if (current != null && !hasValue) {
                    pending.put(current, currentLine);
                }
                current = null;
                otherSection = true;
                continue;
            }
            OutcomeDetails.LabelLine ll = OutcomeDetails.label(line);
            String value;
            boolean inline;
            if (ll != null) {
                if (current != null && !hasValue) {
                    pending.put(current, currentLine);
                }
                current = ll.label();
                currentLine = i;
                hasValue = false;
                closed = false;
                otherSection = false;
                value = ll.inline().replaceFirst("^-\\s+", "");
                inline = true;
                if (value.isEmpty()) {
                    continue;
                }
            } else {
                value = line;
                inline = false;
                if (otherSection) {
                    continue;
                }
                if (current == null || closed) {
                    apart.add(i);
                    continue;
                }
            }
            if (Boilerplate.isBoilerplate(value) && current != OutcomeDetails.Label.DESCRIPTION) {
                continue;
            }
            hasValue = true;
            switch (current) {
                case SDG_ALIGNMENT -> {
                    if (OutcomeDetails.namesGoal(value)) {
                        addOnce(outcome.sdgAlignment, value);
                        outcome.cover(i);
                    } else {
                        placeholders.add(i);
                    }
                }
                case IMPACT_AREAS -> {
                    addOnce(outcome.impactAreas, value);
                    outcome.cover(i);
                }
                case POLICY_MARKER -> setOnce(ctx, outcome, "policy marker", value, i, true);
                case HUMANITARIAN_SCOPE -> setOnce(ctx, outcome, "humanitarian scope", value, i, false);
                case UN_SYSTEM_FUNCTION -> {
                    for (String f : inline ? OutcomeDetails.splitRunTogether(value) : List.of(value)) {
                        addOnce(outcome.unSystemFunctions, f);
                    }
                    outcome.cover(i);
                }
                case DESCRIPTION -> {
                    if (!value.equals("-")) { // the page's empty description
                        description.add(value);
                        descFirst = descFirst < 0 ? i : descFirst;
                        descLast = i;
                    }
                }
                default -> {
                    // organisational outputs, UN partners: not part of the outcome record
                }
            }
        }
        if (current != null && !hasValue) {
            pending.put(current, currentLine);
        }
        for (int i : apart) {
            placeApart(ctx, outcome, pending, i);
        }
        if (!placeholders.isEmpty()) {
            ctx.warn(placeholders.get(0), "SDG alignment shows only images without the goal's name (lines "
                    + placeholders.get(0) + "-" + placeholders.get(placeholders.size() - 1) + "); no goal taken");
        }
        if (!description.isEmpty()) {
            outcome.description = Statements.joinWrapped(description);
            outcome.cover(new LineRange(descFirst, descLast));
        }
    }

    /** A value apart from every label goes to the one label without a value it fits, or nowhere. */
    private static void placeApart(ParseContext ctx, OutcomeDraft outcome,
            Map<OutcomeDetails.Label, Integer> pending, int line) {
        String v = ctx.text.line(line);
        List<OutcomeDetails.Label> fits = new ArrayList<>();
        for (OutcomeDetails.Label l : pending.keySet()) {
            boolean fit = switch (l) {
                case POLICY_MARKER -> OutcomeDetails.looksLikePolicyMarker(v);
                case SDG_ALIGNMENT -> OutcomeDetails.namesGoal(v);
                case HUMANITARIAN_SCOPE -> v.matches("(?i)^(?:yes|no)$");
                default -> false;
            };
            if (fit) {
                fits.add(l);
            }
        }
        if (fits.size() != 1) {
            ctx.warn(line, "outcome detail '" + v + "' stands apart from any label; skipped");
            return;
        }
        OutcomeDetails.Label l = fits.get(0);
        int labelLine = pending.remove(l);
        ctx.warn(line, "'" + v + "' stands apart from its label (line " + labelLine + ", two-column layout);"
                + " taken as its value, the only label without a value that such a value fits");
        switch (l) {
            case POLICY_MARKER -> setOnce(ctx, outcome, "policy marker", v, line, true);
            case HUMANITARIAN_SCOPE -> setOnce(ctx, outcome, "humanitarian scope", v, line, false);
            default -> {
                addOnce(outcome.sdgAlignment, v);
                outcome.cover(line);
            }
        }
    }

    static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    static void setOnce(ParseContext ctx, OutcomeDraft o, String what, String value, int line, boolean marker) {
        String seen = marker ? o.policyMarker : o.humanitarianScope;
        if (seen != null && !seen.equals(value)) {
            ctx.warn(line, what + " shown as '" + seen + "' and as '" + value + "'; the first is kept");
            return;
        }
        if (marker) {
            o.policyMarker = value;
        } else {
            o.humanitarianScope = value;
        }
        o.cover(line);
    }
}
