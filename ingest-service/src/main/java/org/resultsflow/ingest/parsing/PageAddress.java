package org.resultsflow.ingest.parsing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * What a page's address says about it: the outcome in its path ({@code /outcome-detail/XM-DAC-41146-RD_D_1.4},
 * {@code /our-reach/UG/XM-DAC-41146-UGA_D_1.1}, {@code /sp-outcomes/SP_D_0.2/2022-2025}), the language prefix
 * ({@code /ar/}), and the {@code year=} and {@code plan_period=} of its query. The text of the page wins
 * wherever it says the same thing; the address only fills in what the text leaves out.
 *
 * @param url the address as given
 * @param outcome the outcome named in the path, or null
 * @param language the language prefix of the path, or null
 * @param year {@code ?year=}, or null
 * @param planPeriod {@code ?plan_period=} or a {@code /YYYY-YYYY} path segment, or null
 */
public record PageAddress(String url, OutcomeId outcome, String language, Integer year,
        String planPeriod) {

    private static final Pattern LANGUAGE = Pattern.compile("^/(en|ar|es|fr)(?=/)");
    private static final Pattern OUTCOME_IN_PATH =
            Pattern.compile("/(?:XM-DAC-\\d+-)?" + ResultCodes.CODE + "(?=/|$)");
    private static final Pattern PERIOD = Pattern.compile("((?:19|20)\\d{2})-((?:19|20)\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    static final PageAddress NONE = new PageAddress(null, null, null, null, null);

    /** Reads an address; a value that is no http(s) address is refused with a message saying so. */
    public static PageAddress parse(String url) {
        if (url == null || url.isBlank()) {
            return NONE;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source must be the page's address (https://…), not '" + url + "'");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getRawPath() == null) {
            throw new IllegalArgumentException("source must be the page's http(s) address, not '" + url + "'");
        }
        String path = uri.getPath().replaceFirst("^/index\\.php(?=/)", "");
        Matcher lang = LANGUAGE.matcher(path);
        String language = lang.find() ? lang.group(1) : null;
        OutcomeId outcome = null;
        Matcher o = OUTCOME_IN_PATH.matcher(path);
        if (o.find()) {
            // A global strategic-plan outcome keeps its bare code: OutcomeId's rule.
            outcome = OutcomeId.parse(o.group().substring(1)).orElse(null);
        }
        Map<String, String> query = query(uri.getRawQuery());
        Integer year = Optional.ofNullable(query.get("year")).filter(y -> YEAR.matcher(y).matches())
                .map(Integer::valueOf).orElse(null);
        String period = null;
        String shown = query.getOrDefault("plan_period", "");
        Matcher p = PERIOD.matcher(shown);
        if (p.matches()) {
            period = p.group(1) + "-" + p.group(2);
        } else {
            for (String segment : path.split("/")) {
                Matcher s = PERIOD.matcher(segment);
                if (s.matches()) {
                    period = s.group(1) + "-" + s.group(2);
                }
            }
        }
        return new PageAddress(url.strip(), outcome, language, year, period);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value.strip());
        }
        return out;
    }
}
