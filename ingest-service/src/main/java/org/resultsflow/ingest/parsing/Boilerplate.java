package org.resultsflow.ingest.parsing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text every portal page carries that is not data about the page's results, recognised by its form
 * rather than by one page's wording, so that it never becomes a statement, a note or a value:
 * <ul>
 *   <li>the country header: {@code Region:…}, {@code Current UN Women Plan Period …:YYYY-YYYY}, the
 *       {@code i-icon} indexes, {@code Population:…} with its male/female split, and their explanations.
 *       It shows the same figures on every country's page (a placeholder), in three renderings: spaced,
 *       one label or explanation per line, and glued together;</li>
 *   <li>page chrome: {@code Skip to main content}, tab names (bulleted, one per line, or run together),
 *       {@code Map Summary}, banner images, {@code Filter By:}, map credits, a chart axis run together,
 *       table legends, {@code View indicators}, {@code Download data};</li>
 *   <li>tooltips: the definitions of Common and Complementary indicators, the Desk Review note and the
 *       reporting caveats, often with the tooltip's label glued to the start of the next line;</li>
 *   <li>placeholder text ({@code Lorem Ipsum …}).</li>
 * </ul>
 */
final class Boilerplate {

    /** Tooltip labels, glued to whatever follows them ({@code ComplementaryOutcome resources …}). */
    private static final Pattern LABEL_GLUE = Pattern.compile("^(?:Complementary|Common)(?=\\p{Lu}|$)");
    private static final Pattern TOOLTIP = Pattern.compile("(?i)^(?:"
            + "(?:complementary|common) indicators (?:are|is)\\b"
            + "|UN Women reports on this indicator in a global scope"
            + "|Data reported for \\d{4} results against this indicator"
            + "|In addition to results reported by UN Women field offices"
            + "|Lorem Ipsum is simply dummy text"
            + ").*");
    private static final Pattern HEADER = Pattern.compile("(?i)^(?:"
            + "Region\\s*:"
            + "|Current UN Women Plan Period\\b"
            + "|(?:i-icon\\s+)?(?:World Bank Income Classification|Least Developed Country|Gender Inequality Index"
            + "|Gender Development Index|Population)\\s*:"
            + "|Male\\s*:\\s*[\\d,]+|Female\\s*:\\s*[\\d,]+"
            + "|The World Bank classifies economies\\b|Since 1971, the United Nations has recognized LDCs\\b"
            + "|GII is a composite metric\\b|GDI measures gender inequalities\\b|Source of population data\\s*:"
            + ").*");
    private static final Pattern CHROME = Pattern.compile("(?i)^(?:"
            + "skip to main content|map summary|summary|disclaimer|country|year|more|filter by\\s*:?"
            + "|resources|results|sdgs|funding partners|outcome insights|projects|strategic plan|overview"
            + "|[•·]\\s*.{1,40}"
            + "|(?:overview|results & resources|our progress|strategic plan contributions){2,}"
            + "|activity details\\s*resources\\s*outcome indicators and results.*"
            + "|.{1,60} banner image(?:\\s+\\d+)?"
            + "|leaflet\\s*\\|\\s*powered by esri|\\d{1,2}"
            + "|planned budget \\(total\\)(?: other resources \\(non-core\\))?|other resources \\(non-core\\)"
            + "|country indexes|id result statement budget utilisation progress|view indicators|download data"
            + "|view sdg data for|outcome resources allocated towards sdgs|our funding partners contributions"
            + "|-\\s*\\S{1,12}"
            + "|(?:(?:19|20)\\d{2}){2,}[0-9.,kmb]*"
            + ")$");

    /** The page's footer: where its content ends. */
    private static final Pattern PAGE_END = Pattern.compile("(?i)^(?:documents|disclaimer and notes|download data"
            + "|feedback|privacy(?: policy| notice)?|terms of use|copyright\\b.*|©.*)$");

    private Boilerplate() {
    }

    /** A line of the page's footer ({@code Feedback}, {@code Terms of use}, {@code © UN Women}): content ends. */
    static boolean isPageEnd(String line) {
        return PAGE_END.matcher(line).matches();
    }

    /** Chrome, tooltips, placeholders and header lines: never data. */
    static boolean isBoilerplate(String line) {
        String l = withoutLabel(line);
        return l.isEmpty() || TOOLTIP.matcher(l).matches() || HEADER.matcher(l).matches()
                || CHROME.matcher(l).matches();
    }

    /** The line without a tooltip label glued to its start ({@code CommonBy 2025, …} → {@code By 2025, …}). */
    static String withoutLabel(String line) {
        Matcher m = LABEL_GLUE.matcher(line);
        String rest = line;
        while (m.find() && m.end() < rest.length()) {
            rest = rest.substring(m.end());
            m = LABEL_GLUE.matcher(rest);
        }
        return rest;
    }

    /** Whether a line is only a tooltip label ({@code Complementary}, {@code Common}). */
    static boolean isLabel(String line) {
        return line.equals("Complementary") || line.equals("Common");
    }
}
