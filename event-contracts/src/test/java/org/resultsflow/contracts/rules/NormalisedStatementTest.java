package org.resultsflow.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
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

    /**
     * The fast paths change no result: random strings over the characters each step acts on give what the
     * plain definition (every step, always) gives.
     */
    @Test
    void theFastPathsGiveWhatEveryStepGives() {
        String alphabet = "aZ9 -.\t\n\r\u000B\f`'\"\u00AD\u00A0\u2019\u201C\u2013\u2028\u0085\uFB01\u00E9e\u0301\u2007\u3000";
        Random random = new Random(20261202L);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(everyStep(s), NormalisedStatement.of(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
        }
    }

    private static String everyStep(String statement) {
        String s = NormalisedStatement.asciiPunctuation(statement);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = Pattern.compile("\u00AD\\s*").matcher(s).replaceAll("");
        s = Pattern.compile("(\\p{L})-[ \\t]*\\R\\s*(?=\\p{L})").matcher(s).replaceAll("$1-");
        s = Pattern.compile("\\s+").matcher(s).replaceAll(" ").trim();
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
