package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 written into a real PDF at test time and read back through {@code application/pdf}: the same
 * outcome, outputs, indicators with their observations and budgets come out as from the text. The line
 * numbers of a PDF's extracted text differ from the text file's, so line ranges are left out of the
 * comparison. Characters Helvetica cannot encode were written as their closest ASCII form: the PDF is
 * compared with the text as written, and its values with the original text's values.
 */
class PdfRoundTripTest {

    @Test
    void pdfExportGivesTheSameExtractionAsItsText() throws Exception {
        List<String> lines = Samples.lines(Samples.S004);
        TestPdfs pdf = TestPdfs.write(lines);
        assertTrue(pdf.pages > 1, "the sample should span several pages");

        Extraction fromPdf = new DocumentParser(ParserLimits.defaults()).parse(pdf.pdf, "application/pdf");
        Extraction fromWrittenText = new DocumentParser(ParserLimits.defaults())
                .parse(String.join("\n", pdf.asWritten).getBytes(StandardCharsets.UTF_8), "text/plain");
        Extraction fromText = Samples.parse(Samples.S004);

        assertEquals(Layout.OUTCOME_PDF_EXPORT, fromPdf.layout());
        List<String> diff = Samples.diff(comparable(fromWrittenText), comparable(fromPdf));
        assertTrue(diff.isEmpty(), "PDF and written text differ (replaced characters: " + pdf.replaced + "):\n  "
                + String.join("\n  ", diff.subList(0, Math.min(40, diff.size()))));

        // values do not depend on the replaced characters: observations and budgets equal the original's
        assertEquals(observations(fromText), observations(fromPdf));
        assertEquals(Samples.tree(stripLines(Samples.tree(fromText.budgets()))),
                Samples.tree(stripLines(Samples.tree(fromPdf.budgets()))));
        assertEquals(fromText.indicators().size(), fromPdf.indicators().size());
        assertEquals(fromText.outcomes().get(0).id(), fromPdf.outcomes().get(0).id());
        assertEquals(fromText.outcomes().get(0).outputs().size(), fromPdf.outcomes().get(0).outputs().size());
        assertEquals(fromText.facts().dataYear(), fromPdf.facts().dataYear());
        assertEquals(fromText.facts().planPeriod(), fromPdf.facts().planPeriod());
    }

    /** Everything but line ranges, line count and warnings (whose line numbers differ). */
    private static JsonNode comparable(Extraction x) {
        ObjectNode n = (ObjectNode) Samples.tree(x);
        ((ObjectNode) n.get("facts")).remove("lineCount");
        n.remove("warnings");
        return stripLines(n);
    }

    private static JsonNode stripLines(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("lines");
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                stripLines(it.next().getValue());
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(PdfRoundTripTest::stripLines);
        }
        return n;
    }

    private static String observations(Extraction x) {
        StringBuilder sb = new StringBuilder();
        x.indicators().forEach(i -> i.observations().forEach(o -> sb.append(i.outputCode()).append(' ')
                .append(o.year()).append(' ').append(o.kind()).append(' ').append(o.value().raw()).append('|')
                .append(o.value().type()).append('|').append(o.value().number()).append('|').append(o.value().flag())
                .append('\n')));
        return sb.toString();
    }
}
