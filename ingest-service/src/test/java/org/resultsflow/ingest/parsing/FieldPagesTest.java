package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page of the field corpus, parsed with its address as a user who saved it would send it, against its
 * answer key: outcomes, outputs, indicators with every observation, notes (owner, year, opening), budgets and
 * funding rows; anything extracted that the key does not list counts as invented. A page whose key lists
 * nothing must be refused with a message naming its layout. The corpus score is printed at the end.
 */
class FieldPagesTest {

    private static final FieldPages.Score TOTAL = new FieldPages.Score();
    private final DocumentParser parser = new DocumentParser();

    @BeforeAll
    static void corpus() {
        if (!FieldPages.present()) {
            System.out.println("[field pages] shared/field-pages not found beside the project: corpus tests skipped");
        }
    }

    static List<String> pages() {
        return FieldPages.pages().isEmpty() ? List.of("(no corpus)") : FieldPages.pages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageMatchesItsKey(String page) {
        assumeTrue(FieldPages.present(), "shared/field-pages not found beside the project");
        JsonNode key = FieldPages.key(page);
        PageAddress address = PageAddress.parse(key.get("url").asText());
        boolean empty = key.get("outcomes").isEmpty() && key.get("outputs").isEmpty()
                && key.get("indicators").isEmpty() && key.get("budgets").isEmpty() && key.get("funding").isEmpty();
        Extraction x;
        try {
            x = parser.parse(FieldPages.bytes(page), "text/plain; charset=UTF-8", address);
        } catch (DocumentRejectedException e) {
            if (empty) {
                assertTrue(e.getMessage().contains("reads as") || e.getMessage().contains("closest"), e.getMessage());
                return;
            }
            fail(page + " refused: " + e.getMessage());
            return;
        }
        FieldPages.Score score = FieldPages.compare(page, key, x);
        synchronized (TOTAL) {
            TOTAL.add(score);
        }
        assertEquals(List.of(), score.differences, () -> page + "\n  "
                + String.join("\n  ", score.differences.subList(0, Math.min(8, score.differences.size())))
                + "\n  warnings: " + x.warnings());
    }

    @AfterAll
    static void printScore() {
        if (FieldPages.present()) {
            System.out.println("[field pages] corpus score: " + TOTAL.line());
        }
    }
}
