package org.resultsflow.ingest.parsing.iati;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The IATI samples of the test resources ({@code iati/}, with their origin in {@code iati/NOTICE.md}). */
final class IatiSamples {

    static final String ANNOTATED = "iati/activity-standard-example-annotated.xml";
    static final String ORGANISATION = "iati/organisation-standard-example-annotated.xml";
    static final String EVERY_ELEMENT = "iati/frankenstein-every-element.xml";
    /** Constructed: budgets against expenditure per year, in two currencies. */
    static final String BUDGET_YEARS = "iati/budget-years.xml";
    /** Constructed: two incoming-funds transactions of one provider in one year, beside one in US dollars. */
    static final String INCOMING_FUNDS = "iati/incoming-funds.xml";

    private IatiSamples() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = IatiSamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
