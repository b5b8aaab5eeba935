package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample document against its expected extraction ({@code golden/<sample>.json}). The expected files
 * were checked value by value against the documents. On a difference the test lists every differing path
 * and writes the actual extraction to {@code target/golden-actual/} for review.
 */
class GoldenExtractionTest {

    static List<String> samples() {
        return Samples.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void extractionMatchesGolden(String sample) throws IOException {
        Extraction actual = Samples.parse(sample);
        JsonNode actualTree = Samples.tree(actual);
        Path out = Path.of("target", "golden-actual", sample + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, Samples.json(actual));
        JsonNode expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/" + sample + ".json")) {
            if (in == null) {
                fail("no golden file golden/" + sample + ".json; the actual extraction is in " + out);
                return;
            }
            expected = Samples.JSON.readTree(in);
        }
        List<String> diff = Samples.diff(expected, actualTree);
        if (!diff.isEmpty()) {
            fail(sample + ": extraction differs from golden in " + diff.size() + " place(s) (actual written to " + out
                    + "):\n  " + String.join("\n  ", diff.subList(0, Math.min(diff.size(), 60))));
        }
    }
}
