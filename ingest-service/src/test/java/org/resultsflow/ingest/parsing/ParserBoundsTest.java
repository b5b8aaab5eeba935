package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every entry point of the parser is bounded in time, not only PDF extraction: text, HTML and the text of a
 * PDF each go through the same deadline, and documents built to make the parsers' regular expressions work
 * hard answer within it (parsed, or refused as over the limit). Hostile PDFs are refused by name.
 */
class ParserBoundsTest {

    /** The bound the service runs with, and what an answer may take on top of it on a loaded machine. */
    private static final Duration BOUND = ParserLimits.DEFAULT_TEXT_TIMEOUT;
    private static final Duration SLACK = Duration.ofMillis(1500);

    private final DocumentParser parser = new DocumentParser();

    /** Runs of the tokens the layouts' patterns look for: numbers, money, codes, markers, dashes and spaces. */
    static final List<String> HOSTILE_LINES = List.of(
            "1 ".repeat(60_000) + "x",
            "$1,".repeat(50_000) + "K!",
            "MEX_D_1.".repeat(20_000) + "?",
            "- -- N/A TBD ".repeat(15_000) + "%",
            "a".repeat(150_000) + "!",
            "2021 (Milestone) ".repeat(10_000) + "(",
            " \t".repeat(80_000) + "\u00a0x",
            "((((((((((".repeat(15_000));

    static Stream<Arguments> hostileDocuments() {
        List<Arguments> all = new ArrayList<>();
        for (String sample : Samples.ALL) {
            for (int i = 0; i < HOSTILE_LINES.size(); i++) {
                all.add(Arguments.of(sample, i));
            }
        }
        return all.stream();
    }

    /** The sample's own lines with a hostile line in the middle, so the layout is still recognised. */
    private static String withHostileLine(String sample, int which) {
        List<String> lines = new ArrayList<>(Samples.lines(sample));
        lines.add(lines.size() / 2, HOSTILE_LINES.get(which));
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest(name = "{0}, hostile line {1}, as text")
    @MethodSource("hostileDocuments")
    void hostileTextAnswersWithinTheBound(String sample, int which) {
        byte[] text = withHostileLine(sample, which).getBytes(StandardCharsets.UTF_8);
        assertAnswersInTime(() -> parser.parse(text, "text/plain; charset=utf-8"));
    }

    @ParameterizedTest(name = "{0}, hostile line {1}, as HTML")
    @MethodSource("hostileDocuments")
    void hostileHtmlAnswersWithinTheBound(String sample, int which) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (String line : withHostileLine(sample, which).split("\n", -1)) {
            html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        byte[] bytes = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        assertAnswersInTime(() -> parser.parse(bytes, "text/html; charset=utf-8"));
    }

    @ParameterizedTest(name = "hostile line {0} in a PDF's text")
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void hostileTextOfAPdfAnswersWithinTheBound(int which) {
        // A page holds lines of a page's width: the hostile run comes as many lines of 400 characters.
        List<String> lines = new ArrayList<>(Samples.lines(Samples.S004));
        String hostile = HOSTILE_LINES.get(which).substring(0, 40_000);
        List<String> run = new ArrayList<>();
        for (int i = 0; i < hostile.length(); i += 400) {
            run.add(hostile.substring(i, Math.min(hostile.length(), i + 400)));
        }
        lines.addAll(lines.size() / 2, run);
        byte[] pdf = TestPdfs.write(lines).pdf;
        // extraction has its own bound, the text after it the text bound
        assertAnswersInTime(() -> parser.parse(pdf, "application/pdf"), ParserLimits.DEFAULT_PDF_TIMEOUT.plus(BOUND));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain; charset=utf-8", "text/html; charset=utf-8", "application/pdf"})
    void everyMediaTypeIsCutOffAtTheTextBound(String mediaType) {
        DocumentParser impatient = new DocumentParser(new ParserLimits(Duration.ofSeconds(10), 1 << 20, Duration.ofNanos(1)));
        byte[] bytes = mediaType.equals("application/pdf") ? TestPdfs.write(Samples.lines(Samples.S004)).pdf
                : Samples.bytes(Samples.S001);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> impatient.parse(bytes, mediaType));
        assertEquals(DocumentRejectedException.Reason.LIMIT_EXCEEDED, e.reason());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        // the parser is not worn out by what it abandoned
        assertEquals(Layout.OUTCOME_PAGE, Samples.parse(Samples.S001).layout());
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream contents = new PDStream(doc);
            try (OutputStream inflated = contents.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 40; i++) {
                    inflated.write(spaces); // 40 MB of content, a few tens of KB on disk
                }
            }
            page.setContents(contents);
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertTrue(pdf.length < 1 << 20, "the bomb is small: " + pdf.length);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> parser.parse(pdf, "application/pdf"));
        assertEquals(DocumentRejectedException.Reason.LIMIT_EXCEEDED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
    }

    @ParameterizedTest(name = "user password \"{0}\"")
    @ValueSource(strings = {"secret", ""})
    void anEncryptedPdfIsRefused(String userPassword) throws IOException {
        byte[] pdf;
        try (PDDocument doc = pdfOfSample(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            pdf = out.toByteArray();
        }
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> parser.parse(pdf, "application/pdf"));
        assertEquals(DocumentRejectedException.Reason.ENCRYPTED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void aPdfWithJavaScriptIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument doc = pdfOfSample(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            doc.save(out);
            pdf = out.toByteArray();
        }
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> parser.parse(pdf, "application/pdf"));
        assertEquals(DocumentRejectedException.Reason.ACTIVE_CONTENT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("JavaScript"), e.getMessage());
    }

    @Test
    void theSamplePdfStillReads() throws Exception {
        assertEquals(Layout.OUTCOME_PDF_EXPORT,
                parser.parse(TestPdfs.write(Samples.lines(Samples.S004)).pdf, "application/pdf").layout());
    }

    private static PDDocument pdfOfSample() throws IOException {
        return org.apache.pdfbox.Loader.loadPDF(TestPdfs.write(Samples.lines(Samples.S004)).pdf);
    }

    interface Parse {
        Extraction run() throws DocumentRejectedException;
    }

    private static void assertAnswersInTime(Parse parse) {
        assertAnswersInTime(parse, BOUND);
    }

    private static void assertAnswersInTime(Parse parse, Duration bound) {
        long t0 = System.nanoTime();
        try {
            parse.run();
        } catch (DocumentRejectedException e) {
            assertTrue(e.reason() != DocumentRejectedException.Reason.EMPTY, e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(bound.plus(SLACK)) < 0, "answered after " + took.toMillis() + " ms");
    }
}
