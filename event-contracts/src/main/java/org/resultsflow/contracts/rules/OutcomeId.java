package org.resultsflow.contracts.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of an outcome. Its code is {@code <office>_<D|O>_<n>(.<n>)*} ({@code MEX_D_2.1},
 * {@code RD_O_1}); the office prefix is not always an ISO-3 code ({@code RD}, {@code APA}). The full id
 * carries the publisher's registry prefix ({@code XM-DAC-41146-MEX_D_2.1}); a code shown alone gets UN
 * Women's prefix, except a global strategic-plan outcome ({@code SP_D_0.2}), which the portal names by its
 * code alone.
 */
public record OutcomeId(String id, String code, String office) {

    public static final String DEFAULT_REGISTRY_PREFIX = "XM-DAC-41146-";
    /** The outcome code, for parsers that find it inside longer text. */
    public static final String CODE = "[A-Z][A-Z0-9]{1,9}_[A-Z]{1,2}_\\d+(?:\\.\\d+)*";
    private static final String GLOBAL_OFFICE = "SP";
    private static final Pattern ID = Pattern.compile(
            "(?:(?<code>" + CODE + ")\\s*)?(?:(?<prefix>[A-Z]+-[A-Z]+-\\d+-)(?<idcode>" + CODE + "))?");

    /**
     * Reads {@code <code>}, {@code <prefix><code>}, or both run together as pages show them
     * ({@code MEX_D_2.1XM-DAC-41146-MEX_D_2.1}); empty when the text is none of these or its code and
     * full id disagree.
     */
    public static Optional<OutcomeId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String shown = m.group("code");
        String idCode = m.group("idcode");
        if (shown == null && idCode == null || shown != null && idCode != null && !shown.equals(idCode)) {
            return Optional.empty();
        }
        String code = shown != null ? shown : idCode;
        String office = code.substring(0, code.indexOf('_'));
        String prefix = m.group("prefix") != null ? m.group("prefix")
                : GLOBAL_OFFICE.equals(office) ? "" : DEFAULT_REGISTRY_PREFIX;
        return Optional.of(new OutcomeId(prefix + code, code, office));
    }

    /** The office of an outcome id; null when it has no outcome id's shape. */
    public static String officeOf(String outcomeId) {
        return parse(outcomeId).map(OutcomeId::office).orElse(null);
    }
}
