package org.resultsflow.ingest.parsing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * Codes of the results framework as lines of a page show them. The outcome id itself is {@link OutcomeId}'s
 * grammar; an output code extends its outcome's code by one more number ({@code MEX_D_2.1.1}).
 */
public final class ResultCodes {

    static final String CODE = OutcomeId.CODE;
    /** Indicator codes may end in letters: {@code MEX_D_2.1.1A}, {@code SP_D_2.1A}, {@code SP_D_0.1.d}. */
    static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}_[A-Z]{1,2}_\\d+[A-Za-z]?(?:\\.[0-9A-Za-z]+)*");
    private static final Pattern OUTCOME_HEADER = Pattern.compile("(?i:outcome)\\s+(?<rest>\\S.*)");
    private static final Pattern OUTPUT_HEADER = Pattern.compile("(?i:output)\\s+(?<code>" + CODE + ")");

    private ResultCodes() {
    }

    /**
     * Reads a header line {@code outcome <code>}, {@code OUTCOME <full id>}, or both, even run together
     * ({@code outcome MEX_D_2.1XM-DAC-41146-MEX_D_2.1}). Empty when the line is no such header; a header
     * whose code and full id disagree is no header either (the caller warns).
     */
    static Optional<OutcomeId> outcomeHeader(String line) {
        Matcher h = OUTCOME_HEADER.matcher(line.trim());
        if (!h.matches()) {
            return Optional.empty();
        }
        return OutcomeId.parse(h.group("rest"));
    }

    /** {@code OUTPUT MEX_D_2.1.1} → {@code MEX_D_2.1.1}. */
    static Optional<String> outputHeader(String line) {
        Matcher m = OUTPUT_HEADER.matcher(line.trim());
        return m.matches() ? Optional.of(m.group("code")) : Optional.empty();
    }

    static boolean isIndicatorCodeLine(String line) {
        return isIndicatorCode(line.trim());
    }

    /** Whether a code has the grammar of the framework's indicator codes. */
    public static boolean isIndicatorCode(String code) {
        return INDICATOR_CODE.matcher(code).matches();
    }

    /** Whether an output code belongs under an outcome code ({@code MEX_D_2.1.1} under {@code MEX_D_2.1}). */
    public static boolean isUnder(String outputCode, String outcomeCode) {
        return outputCode.startsWith(outcomeCode + ".")
                && outputCode.substring(outcomeCode.length() + 1).matches("\\d+");
    }
}
