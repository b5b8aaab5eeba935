package org.resultsflow.ingest.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.resultsflow.contracts.rules.NormalisedStatement;

/**
 * Writes text lines into a real PDF with a standard-14 font (Helvetica, WinAnsi encoding). Blank lines
 * become vertical space; a paragraph is never split over two pages (a new page starts when the next
 * paragraph does not fit). Characters the font cannot encode are replaced by their closest ASCII form;
 * {@link #asWritten} gives the text exactly as written, for comparing with what comes back out.
 */
final class TestPdfs {

    private static final float FONT_SIZE = 9f;
    private static final float LEADING = 12f;
    private static final float MARGIN = 36f;
    /** Wide enough that the longest sample line is never wrapped. */
    private static final PDRectangle PAGE = new PDRectangle(1100f, 842f);

    final byte[] pdf;
    final List<String> asWritten;
    final Set<Character> replaced;
    final int pages;

    private TestPdfs(byte[] pdf, List<String> asWritten, Set<Character> replaced, int pages) {
        this.pdf = pdf;
        this.asWritten = asWritten;
        this.replaced = replaced;
        this.pages = pages;
    }

    static TestPdfs write(List<String> lines) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        Set<Character> replaced = new TreeSet<>();
        List<String> written = new ArrayList<>();
        for (String l : lines) {
            written.add(encodable(font, l, replaced));
        }
        // paragraphs: runs of non-blank lines, each with the blank lines after it
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String l : written) {
            if (!l.isBlank() && !cur.isEmpty() && cur.get(cur.size() - 1).isBlank()) {
                paragraphs.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(l);
        }
        if (!cur.isEmpty()) {
            paragraphs.add(cur);
        }
        int linesPerPage = (int) ((PAGE.getHeight() - 2 * MARGIN) / LEADING);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPageContentStream cs = null;
            int used = linesPerPage;
            for (List<String> p : paragraphs) {
                if (used + p.size() > linesPerPage) {
                    if (cs != null) {
                        cs.endText();
                        cs.close();
                    }
                    PDPage page = new PDPage(PAGE);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    cs.beginText();
                    cs.setFont(font, FONT_SIZE);
                    cs.setLeading(LEADING);
                    cs.newLineAtOffset(MARGIN, PAGE.getHeight() - MARGIN);
                    used = 0;
                }
                for (String l : p) {
                    if (!l.isBlank()) {
                        cs.showText(l.strip());
                    }
                    cs.newLine();
                    used++;
                }
            }
            if (cs != null) {
                cs.endText();
                cs.close();
            }
            int pages = doc.getNumberOfPages();
            doc.save(out);
            return new TestPdfs(out.toByteArray(), written, replaced, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encodable(PDType1Font font, String line, Set<Character> replaced) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (canEncode(font, c)) {
                sb.append(c);
            } else {
                replaced.add(c);
                sb.append(closestAscii(c));
            }
        }
        return sb.toString();
    }

    private static boolean canEncode(PDType1Font font, char c) {
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static String closestAscii(char c) {
        String ascii = NormalisedStatement.asciiPunctuation(String.valueOf(c));
        if (ascii.charAt(0) < 128) {
            return ascii;
        }
        String stripped = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return !stripped.isEmpty() && stripped.chars().allMatch(x -> x < 128) ? stripped : "?";
    }
}
