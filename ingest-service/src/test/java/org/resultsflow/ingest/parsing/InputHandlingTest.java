package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding (CRLF, BOM, Windows-1252), HTML input, and every rejection reason. */
class InputHandlingTest {

    private final DocumentParser parser = new DocumentParser(ParserLimits.defaults());

    private static DocumentRejectedException.Reason rejected(DocumentParser p, byte[] bytes, String type) {
        return assertThrows(DocumentRejectedException.class, () -> p.parse(bytes, type)).reason();
    }

    @Test
    void crlfGivesTheSameExtraction() throws Exception {
        String text = Samples.text(Samples.S000);
        Extraction lf = parser.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain");
        Extraction crlf = parser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(Samples.tree(lf), Samples.tree(crlf));
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws Exception {
        byte[] text = Samples.bytes(Samples.S002);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertEquals(Samples.tree(parser.parse(text, "text/plain")), Samples.tree(parser.parse(bom, "text/plain; charset=UTF-8")));
    }

    @Test
    void windows1252IsDetectedWhenTheBytesAreNotUtf8() throws Exception {
        String text = Samples.text(Samples.S000);
        CharsetEncoder enc = TextDecoder.WINDOWS_1252.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT).onMalformedInput(CodingErrorAction.REPORT);
        byte[] cp1252 = bytes(enc, text);
        assertTrue(text.contains("\u2019") && text.contains("\u201C"), "the sample should contain typographic quotes");
        Extraction utf8 = parser.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain");
        Extraction win = parser.parse(cp1252, "text/plain");
        assertEquals(Samples.tree(utf8), Samples.tree(win));
        assertTrue(win.outcomes().get(1).progressNotes().get(0).text().contains("women\u2019s economic empowerment"));
    }

    private static byte[] bytes(CharsetEncoder enc, String s) throws CharacterCodingException {
        ByteBuffer b = enc.encode(CharBuffer.wrap(s));
        return Arrays.copyOf(b.array(), b.limit());
    }

    @Test
    void htmlParagraphsGiveTheSameExtractionAsText() throws Exception {
        List<String> lines = Samples.lines(Samples.S002);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Progress</title>"
                + "<style>p { margin: 0 }</style><script>var x = '<p>not text</p>';</script></head><body>\n");
        for (String l : lines) {
            if (!l.isBlank()) {
                html.append("  <p>").append(Entities.escape(l)).append("</p>\n");
            }
        }
        html.append("</body></html>");
        Extraction fromText = parser.parse(Samples.bytes(Samples.S002), "text/plain");
        Extraction fromHtml = parser.parse(html.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        List<String> diff = Samples.diff(Samples.tree(fromText), Samples.tree(fromHtml));
        assertTrue(diff.isEmpty(), String.join("\n", diff));
    }

    @Test
    void htmlBlockStructureBecomesLines() {
        String text = HtmlText.toText("<div>OUTCOME XM-DAC-41146-ZAF_D_1.1</div><div>First<br>Second</div>"
                + "<table><tr><td>2023</td><td>2022</td></tr></table><span>a</span> <b>b</b>");
        assertEquals("OUTCOME XM-DAC-41146-ZAF_D_1.1\nFirst\nSecond\n2023 | 2022\na b", text);
    }

    @Test
    void emptyContentIsRejected() {
        assertEquals(DocumentRejectedException.Reason.EMPTY, rejected(parser, new byte[0], "text/plain"));
        assertEquals(DocumentRejectedException.Reason.EMPTY, rejected(parser, " \r\n\t\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertEquals(DocumentRejectedException.Reason.EMPTY, rejected(parser, "<html><body> </body></html>".getBytes(StandardCharsets.UTF_8), "text/html"));
        assertEquals(DocumentRejectedException.Reason.EMPTY, rejected(parser, null, "application/pdf"));
    }

    @Test
    void binaryContentIsRejected() {
        byte[] withNul = "outcome XM-DAC-41146-MEX_D_1.1\u0000\u0000".getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentRejectedException.Reason.BINARY, rejected(parser, withNul, "text/plain"));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == 0) {
                garbage[i] = 1; // no NULs: the control characters alone must give it away
            }
        }
        assertEquals(DocumentRejectedException.Reason.BINARY, rejected(parser, garbage, "text/plain"));
    }

    @Test
    void notAPdfIsRejected() {
        assertEquals(DocumentRejectedException.Reason.NOT_A_PDF,
                rejected(parser, "just some text, not a PDF".getBytes(StandardCharsets.UTF_8), "application/pdf"));
        byte[] pdf = TestPdfs.write(Samples.lines(Samples.S004)).pdf;
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 2);
        assertEquals(DocumentRejectedException.Reason.NOT_A_PDF, rejected(parser, truncated, "application/pdf"));
        byte[] headerOnly = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(DocumentRejectedException.Reason.NOT_A_PDF, rejected(parser, headerOnly, "application/pdf"));
    }

    @Test
    void pdfBeyondTheTimeBoundIsRejected() {
        DocumentParser impatient = new DocumentParser(new ParserLimits(Duration.ofNanos(1), 1024 * 1024));
        byte[] pdf = TestPdfs.write(Samples.lines(Samples.S004)).pdf;
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> impatient.parse(pdf, "application/pdf"));
        assertEquals(DocumentRejectedException.Reason.NOT_A_PDF, e.reason());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void pdfWithSmallMemoryBoundStillReads() throws Exception {
        DocumentParser frugal = new DocumentParser(new ParserLimits(Duration.ofSeconds(10), 1024));
        byte[] pdf = TestPdfs.write(Samples.lines(Samples.S004)).pdf;
        assertEquals(Layout.OUTCOME_PDF_EXPORT, frugal.parse(pdf, "application/pdf").layout());
    }

    @Test
    void textOfNoKnownLayoutIsRejected() {
        byte[] text = "Minutes of the meeting\nWe discussed the budget for 2024.\n".getBytes(StandardCharsets.UTF_8);
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> parser.parse(text, "text/plain"));
        assertEquals(DocumentRejectedException.Reason.UNKNOWN_LAYOUT, e.reason());
        assertTrue(e.getMessage().contains("none of the known layouts"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "image/png", "text/csv", "", "application/octet-stream"})
    void otherMediaTypesAreRejected(String type) {
        assertEquals(DocumentRejectedException.Reason.UNSUPPORTED_MEDIA_TYPE, rejected(parser, Samples.bytes(Samples.S000), type));
    }

    @Test
    void nullMediaTypeIsRejected() {
        assertEquals(DocumentRejectedException.Reason.UNSUPPORTED_MEDIA_TYPE, rejected(parser, Samples.bytes(Samples.S000), null));
    }

    @Test
    void mediaTypeParametersAndCaseAreAccepted() throws Exception {
        assertEquals(Layout.PROGRESS_NOTES_LIST,
                parser.parse(Samples.bytes(Samples.S000), "Text/Plain; charset=\"utf-8\"; format=flowed").layout());
    }

    @Test
    void theParserIsSafeToShareBetweenThreads() throws Exception {
        String expected = Samples.json(parser.parse(Samples.bytes(Samples.S001), "text/plain"));
        List<Thread> threads = new java.util.ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    results.add(Samples.json(parser.parse(Samples.bytes(Samples.S001), "text/plain")));
                } catch (DocumentRejectedException e) {
                    results.add(e.toString());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4, results.size());
        results.forEach(r -> assertEquals(expected, r));
    }

    @SuppressWarnings("unused")
    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
