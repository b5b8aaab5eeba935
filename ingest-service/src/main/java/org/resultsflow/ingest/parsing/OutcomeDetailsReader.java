package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
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
        SourceText t = ctx.text;
        OutcomeDetails.Label current = null;
        List<String> description = new ArrayList<>();
        List<Integer> placeholders = new ArrayList<>();
        int descFirst = -1;
        int descLast = -1;
        for (int i = from; i <= to; i++) {
            String line = t.line(i);
            if (line.isEmpty() || t.isCut(i)) {
                continue;
            }
            if (END.matcher(line).matches()) {
                current = null;
                continue;
            }
            OutcomeDetails.LabelLine ll = OutcomeDetails.label(line);
            String value;
            boolean inline;
            if (ll != null) {
                current = ll.label();
                value = ll.inline().replaceFirst("^-\\s+", "");
                inline = true;
                if (value.isEmpty()) {
                    continue;
                }
            } else {
                value = line;
                inline = false;
            }
            if (current == null || Boilerplate.isBoilerplate(value) && current != OutcomeDetails.Label.DESCRIPTION) {
                continue;
            }
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
        if (!placeholders.isEmpty()) {
            ctx.warn(placeholders.get(0), "SDG alignment shows only images without the goal's name (lines "
                    + placeholders.get(0) + "-" + placeholders.get(placeholders.size() - 1) + "); no goal taken");
        }
        if (!description.isEmpty()) {
            outcome.description = Statements.joinWrapped(description);
            outcome.cover(new LineRange(descFirst, descLast));
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
