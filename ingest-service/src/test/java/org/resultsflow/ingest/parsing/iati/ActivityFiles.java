package org.resultsflow.ingest.parsing.iati;

import java.io.IOException;
import java.io.Writer;

/** Generated IATI activity files, valid against 2.03: one result, indicator, period and budget per activity. */
final class ActivityFiles {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<iati-activities version=\"2.03\" generated-datetime=\"2024-06-30T00:00:00Z\">\n";
    static final String TAIL = "</iati-activities>\n";

    private ActivityFiles() {
    }

    static String identifier(int n) {
        return "XX-TST-1-A" + n;
    }

    /** One activity, about 1.9 KB. */
    static void activity(Writer out, int n) throws IOException {
        int year = 2015 + n % 10;
        out.write(" <iati-activity default-currency=\"USD\">\n"
                + "  <iati-identifier>" + identifier(n) + "</iati-identifier>\n"
                + "  <reporting-org ref=\"XX-TST-1\" type=\"10\"><narrative>Test publisher</narrative></reporting-org>\n"
                + "  <title><narrative>Activity " + n + "</narrative></title>\n"
                + "  <description><narrative>Generated activity number " + n + " for reading tests.</narrative></description>\n"
                + "  <participating-org role=\"1\" ref=\"XX-TST-2\"><narrative>Funder</narrative></participating-org>\n"
                + "  <activity-status code=\"2\"/>\n"
                + "  <activity-date type=\"1\" iso-date=\"" + year + "-01-01\"/>\n"
                + "  <recipient-country code=\"MX\" percentage=\"100\"/>\n"
                + "  <sector vocabulary=\"1\" code=\"15170\" percentage=\"100\"/>\n"
                + "  <budget type=\"1\" status=\"2\">\n"
                + "   <period-start iso-date=\"" + year + "-01-01\"/>\n"
                + "   <period-end iso-date=\"" + year + "-12-31\"/>\n"
                + "   <value currency=\"USD\" value-date=\"" + year + "-01-01\">" + (1000 + n) + "</value>\n"
                + "  </budget>\n"
                + "  <transaction>\n"
                + "   <transaction-type code=\"4\"/>\n"
                + "   <transaction-date iso-date=\"" + year + "-06-30\"/>\n"
                + "   <value currency=\"USD\" value-date=\"" + year + "-06-30\">" + (500 + n) + "</value>\n"
                + "  </transaction>\n"
                + "  <result type=\"2\" aggregation-status=\"1\">\n"
                + "   <title><narrative>Women lead in activity " + n + "</narrative></title>\n"
                + "   <indicator measure=\"1\" ascending=\"1\">\n"
                + "    <title><narrative>Number of women trained</narrative></title>\n"
                + "    <baseline year=\"" + (year - 1) + "\" value=\"" + n % 7 + "\"/>\n"
                + "    <period>\n"
                + "     <period-start iso-date=\"" + year + "-01-01\"/>\n"
                + "     <period-end iso-date=\"" + year + "-12-31\"/>\n"
                + "     <target value=\"" + (10 + n % 5) + "\"><dimension name=\"sex\" value=\"female\"/></target>\n"
                + "     <actual value=\"" + (8 + n % 6) + "\"><dimension name=\"sex\" value=\"female\"/></actual>\n"
                + "    </period>\n"
                + "   </indicator>\n"
                + "  </result>\n"
                + " </iati-activity>\n");
    }

    static String generate(int activities) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        out.write(HEAD);
        for (int n = 0; n < activities; n++) {
            activity(out, n);
        }
        out.write(TAIL);
        return out.toString();
    }
}
