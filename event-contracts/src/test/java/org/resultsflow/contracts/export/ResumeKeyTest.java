package org.resultsflow.contracts.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resume rule (every part of the key or none) and the one way every export writes a record's columns. */
class ResumeKeyTest {

    record Line(String id, Integer year, BigDecimal ratio, List<String> tags, String note) {
    }

    @Test
    void aKeyIsEveryPartOrNone() {
        assertNull(ResumeKey.part("afterIndicator", null).part("afterYear", null).build(), "no key: from the first row");
        assertNull(ResumeKey.part("afterId", " ").build(), "blank is not given");
        ResumeKey key = ResumeKey.part("afterIndicator", "MEX_D_1.1::A").part("afterYear", 2021).part("afterSequence", 2).build();
        assertEquals(List.of("MEX_D_1.1::A", 2021, 2), key.values());
        assertEquals("(indicator_id, year, sequence) > ($3, $4, $5)", key.condition(List.of("indicator_id", "year", "sequence"), 3));
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> ResumeKey.part("afterIndicator", "x").part("afterYear", null).part("afterSequence", 1).build());
        assertTrue(half.getMessage().contains("afterIndicator, afterYear, afterSequence"), half.getMessage());
        assertThrows(IllegalArgumentException.class, () -> key.condition(List.of("indicator_id"), 1));
    }

    @Test
    void aNumberPartIsTakenFromItsTextAndTextThatIsNoNumberIsRefused() {
        assertEquals(List.of("A", 42L), ResumeKey.part("afterIndicator", "A").number("afterPosition", " 42").build().values());
        assertNull(ResumeKey.part("afterIndicator", null).number("afterPosition", "").build());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> ResumeKey.part("afterIndicator", "A").number("afterPosition", "3rd"));
        assertEquals("afterPosition must be a whole number, not '3rd'", notANumber.getMessage());
    }

    @Test
    void columnsAreTheComponentsAndCsvIsRfc4180() {
        RecordColumns columns = new RecordColumns(new ObjectMapper());
        assertEquals("id,year,ratio,tags,note\r\n", columns.csvHeader(Line.class));
        assertEquals("a,2020,0.00000001,\"[\"\"x\"\",\"\"y\"\"]\",\"with, a comma\"\r\n",
                columns.csvRow(new Line("a", 2020, new BigDecimal("1E-8"), List.of("x", "y"), "with, a comma")));
        assertEquals("b,,,[],\"line\r\nbreak\"\r\n", columns.csvRow(new Line("b", null, null, List.of(), "line\r\nbreak")));
        assertThrows(IllegalArgumentException.class, () -> RecordColumns.names(String.class));
    }
}
