package org.resultsflow.ingest.parsing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Codes of the results framework. An outcome code is {@code <office>_<D|O>_<n>(.<n>)*} ({@code MEX_D_2.1},
 * {@code RD_O_1}); the office prefix is not always an ISO-3 code ({@code RD}, {@code APA}). An output code
 * extends its outcome's code by one more number ({@code MEX_D_2.1.1}). The full outcome id carries the
 * publisher's registry prefix ({@code XM-DAC-41146-MEX_D_2.1}); a page that shows only the code gets UN
 * Women's prefix.
 */
public final class ResultCodes {

    static final String DEFAULT_REGISTRY_PREFIX = "XM-DAC-41146-";
    static final String CODE = "[A-Z][A-Z0-9]{1,9}_[A-Z]{1,2}_\\d+(?:\\.\\d+)*";
    /** Indicator codes may end in letters: {@code MEX_D_2.1.1A}, {@code SP_D_2.1A}, {@code SP_D_0.1.d}. */
    static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}_[A-Z]{1,2}_\\d+[A-Za-z]?(?:\\.[0-9A-Za-z]+)*");
    private static final Pattern ID_PART = Pattern.compile(
            "(?:(?<code>" + CODE + ")\\s*)?(?:(?<prefix>XM-DAC-\\d+-)(?<idcode>" + CODE + "))?");
    private static final Pattern OUTCOME_HEADER = Pattern.compile("(?i:outcome)\\s+(?<rest>\\S.*)");
    private static final Pattern OUTPUT_HEADER = Pattern.compile("(?i:output)\\s+(?<code>" + CODE + ")");

    private ResultCodes() {
    }

    /** An outcome as named by a header line. */
    public record OutcomeRef(String id, String code, String office) {
    }

    /**
     * Reads a header line {@code outcome <code>}, {@code OUTCOME <full id>}, or both, even run together
     * ({@code outcome MEX_D_2.1XM-DAC-41146-MEX_D_2.1}). Empty when the line is no such header; a header
     * whose code and full id disagree is no header either (the caller warns).
     */
    static Optional<OutcomeRef> outcomeHeader(String line) {
        Matcher h = OUTCOME_HEADER.matcher(line.trim());
        if (!h.matches()) {
            return Optional.empty();
        }
        return outcomeId(h.group("rest").trim());
    }

    /** Reads {@code <code>}, {@code <prefix><code>} or both run together. */
    static Optional<OutcomeRef> outcomeId(String text) {
        Matcher m = ID_PART.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String code = m.group("code");
        String idCode = m.group("idcode");
        if (code == null && idCode == null) {
            return Optional.empty();
        }
        if (code != null && idCode != null && !code.equals(idCode)) {
            return Optional.empty();
        }
        String c = code != null ? code : idCode;
        String prefix = m.group("prefix") != null ? m.group("prefix") : DEFAULT_REGISTRY_PREFIX;
        return Optional.of(new OutcomeRef(prefix + c, c, office(c)));
    }

    /** {@code OUTPUT MEX_D_2.1.1} → {@code MEX_D_2.1.1}. */
    static Optional<String> outputHeader(String line) {
        Matcher m = OUTPUT_HEADER.matcher(line.trim());
        return m.matches() ? Optional.of(m.group("code")) : Optional.empty();
    }

    static boolean isIndicatorCodeLine(String line) {
        return INDICATOR_CODE.matcher(line.trim()).matches();
    }

    static String office(String code) {
        int i = code.indexOf('_');
        return i > 0 ? code.substring(0, i) : null;
    }

    /** Whether an output code belongs under an outcome code ({@code MEX_D_2.1.1} under {@code MEX_D_2.1}). */
    static boolean isUnder(String outputCode, String outcomeCode) {
        return outputCode.startsWith(outcomeCode + ".")
                && outputCode.substring(outcomeCode.length() + 1).matches("\\d+");
    }
}
