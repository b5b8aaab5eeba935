package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.rules.NormalisedStatement;

/** Value tokens, money and statement normalisation, table-driven. */
class TokenReadingTest {

    @ParameterizedTest(name = "''{0}'' is {1} {2} {3}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
        "7;NUMBER;7;null",
        "0;NUMBER;0;null",
        "160;NUMBER;160;null",
        "1,200;NUMBER;1200;null",
        "2.5;NUMBER;2.5;null",
        "-3;NUMBER;-3;null",
        "0.19%;PERCENT;0.19;null",
        "45 %;PERCENT;45;null",
        "100%;PERCENT;100;null",
        "Yes;BOOLEAN;null;true",
        "No;BOOLEAN;null;false",
        "TRUE;BOOLEAN;null;true",
        "True;BOOLEAN;null;true",
        "FALSE;BOOLEAN;null;false",
        "TBD;MARKER;null;null",
        "N/A;MARKER;null;null",
        "NA;MARKER;null;null",
        "n/a;MARKER;null;null",
        "-;MARKER;null;null",
        "--;MARKER;null;null",
    })
    void tokens(String raw, ValueType type, BigDecimal number, Boolean flag) {
        ObservedValue v = ValueTokens.read(raw);
        assertEquals(raw, v.raw());
        assertEquals(type, v.type());
        if (number == null) {
            assertEquals(null, v.number());
        } else {
            assertEquals(0, number.compareTo(v.number()), raw + " -> " + v.number());
        }
        assertEquals(flag, v.flag());
    }

    @Test
    void emptyIsAMarkerNeverZero() {
        ObservedValue v = ValueTokens.read("");
        assertEquals(ValueType.MARKER, v.type());
        assertEquals(null, v.number());
        assertTrue(!v.isKnown());
    }

    @ParameterizedTest
    @ValueSource(strings = {"approx. 5", "1,5", "12,34", "High", "5 women", "1.2.3", "$5", "?"})
    void tokensThatAreNoNumberAreKeptAsTextNeverAsANumber(String raw) {
        ObservedValue v = ValueTokens.read(raw);
        assertEquals(ValueType.TEXT, v.type());
        assertEquals(raw, v.raw());
        assertEquals(null, v.number());
    }

    @ParameterizedTest(name = "''{0}'' printed twice is ''{1}''")
    @CsvSource(delimiter = ';', value = {"22;2", "3535;35", "--;-", "TBDTBD;TBD", "0 0;0", "No data No data;No data",
        "yesyes;yes"})
    void aValuePrintedTwiceIsReadOnce(String printed, String once) {
        assertEquals(Optional.of(once), ValueTokens.half(printed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-", "48.47", "3 (new)", "123"})
    void aValuePrintedOnceHasNoHalves(String printed) {
        assertEquals(Optional.empty(), ValueTokens.half(printed));
    }

    @ParameterizedTest(name = "''{0}'' = {1} USD")
    @CsvSource(delimiter = ';', value = {
        "$934.31 K;934310",
        "$3.07 M;3070000",
        "$267,469;267469",
        "$0;0",
        "$14,920;14920",
        "$2.27 M;2270000",
        "$69.98 K;69980",
        "$166.39 K;166390",
        "$1.5 B;1500000000",
        "$12K;12000",
        "$1,234.56;1234.56",
    })
    void money(String raw, String usd) {
        Money m = MoneyValues.read(raw).orElseThrow();
        assertEquals(raw, m.raw());
        assertEquals(0, new BigDecimal(usd).compareTo(m.usd()), raw + " -> " + m.usd());
        assertTrue(m.usd().scale() <= 2, "no spurious decimals: " + m.usd());
    }

    @Test
    void moneyKeepsExactPrecision() {
        assertEquals("934310", MoneyValues.read("$934.31 K").orElseThrow().usd().toPlainString());
        assertEquals("3070000", MoneyValues.read("$3.07 M").orElseThrow().usd().toPlainString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"934.31 K", "$", "$abc", "USD 1.3M", "$3.07 Million"})
    void notMoney(String raw) {
        assertEquals(Optional.empty(), MoneyValues.read(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Women\u2019s economic empowerment|women's economic empowerment",
        "women\u00B4s unpaid care|women's unpaid care",
        "\u201CClosing gaps\u201D|\"closing gaps\"",
        "2020\u20132025 \u2014 plan|2020-2025 - plan",
        "  Number   of\tlaws  |number of laws",
        "SUPPORT FROM UN-\\nWomen|support from un-women",
        "gender-\\n  responsive|gender-responsive",
        "devel\u00ADopment|development",
        "\uFB01nancing\u00A0frameworks|financing frameworks",
        "Stra\u00DFe|strasse",
    })
    void normalisedStatement(String in, String expected) {
        // "\\n" in a case stands for a line break (a real one would end the CSV record)
        assertEquals(expected, NormalisedStatement.of(in.replace("\\n", "\n")));
    }

    @Test
    void wrappedLinesJoinAsTheWebPageShowsThem() {
        assertEquals("support from UN-Women", Statements.joinWrapped(java.util.List.of("support from UN-", "Women")));
        assertEquals("time use/women\u00B4s unpaid", Statements.joinWrapped(java.util.List.of("time use/women", "\u00B4s unpaid")));
        assertEquals("a b", Statements.joinWrapped(java.util.List.of(" a ", "", "b")));
    }
}
