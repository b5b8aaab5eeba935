package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsflow.reporting.Reports;

class CsvBodyWriterTest {

    record Row(String text, BigDecimal amount, Integer year, Boolean flag, List<String> nested) {
    }

    static final Type LIST_OF_ROWS = new java.lang.reflect.ParameterizedType() {
        public Type[] getActualTypeArguments() {
            return new Type[] {Row.class};
        }

        public Type getRawType() {
            return List.class;
        }

        public Type getOwnerType() {
            return null;
        }
    };

    @Test
    void headerThenRowsQuotedPerRfc4180() throws Exception {
        List<Row> rows = List.of(
                new Row("plain", new BigDecimal("2.265020E+6"), 2021, true, List.of("a")),
                new Row("comma, \"quotes\" and\r\nline break", null, null, null, List.of()));
        String csv = write(rows, LIST_OF_ROWS);
        assertEquals("text,amount,year,flag,nested\r\n"
                + "plain,2265020,2021,true,\"[\"\"a\"\"]\"\r\n"
                + "\"comma, \"\"quotes\"\" and\r\nline break\",,,,[]\r\n", csv);
        List<List<String>> parsed = Reports.parseCsv(csv);
        assertEquals(Arrays.asList("comma, \"quotes\" and\r\nline break", "", "", "", "[]"), parsed.get(2));
    }

    @Test
    void anEmptyListStillHasItsHeader() throws Exception {
        assertEquals("text,amount,year,flag,nested\r\n", write(List.of(), LIST_OF_ROWS));
    }

    private static String write(List<?> rows, Type type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvBodyWriter(new ObjectMapper()).writeTo(rows, List.class, type, new java.lang.annotation.Annotation[0],
                null, new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
