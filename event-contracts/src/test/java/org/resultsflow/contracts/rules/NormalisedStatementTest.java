package org.resultsflow.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalisedStatementTest {

    @Test
    void aLineWrapHyphenStaysAsTheWebPageShowsIt() {
        assertEquals("support from un-women", NormalisedStatement.of("Support from UN-\nWomen"));
        assertEquals(NormalisedStatement.of("gender-responsive budgets"), NormalisedStatement.of("gender-\n  responsive budgets"));
    }

    @Test
    void typographyWhitespaceAndCaseDoNotCount() {
        assertEquals("\"women's\" - rights", NormalisedStatement.of("  \u201CWomen\u2019s\u201D \u2013\u00A0Rights\t"));
        assertEquals("softhyphen", NormalisedStatement.of("soft\u00ADhyphen"));
        assertEquals("fi", NormalisedStatement.of("\uFB01"));
    }
}
