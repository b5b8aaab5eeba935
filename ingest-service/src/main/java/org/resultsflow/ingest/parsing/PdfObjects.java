package org.resultsflow.ingest.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Walks every object reachable from a PDF's trailer once, before any text is extracted: refuses JavaScript
 * (an action of type JavaScript, a {@code /JS} entry, a JavaScript name tree) and streams that inflate
 * beyond a budget, counting decoded bytes as they are read so a bomb is never decoded in full.
 */
final class PdfObjects {

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final int CHUNK = 64 * 1024;

    private PdfObjects() {
    }

    static void check(PDDocument doc, long maxDecodedBytes, Runnable deadline) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(doc.getDocument().getTrailer());
        long decoded = 0;
        byte[] buffer = new byte[CHUNK];
        while (!todo.isEmpty()) {
            COSBase base = todo.pop();
            if (base instanceof COSObject reference) {
                base = reference.getObject();
            }
            if (base == null || !seen.add(base)) {
                continue;
            }
            deadline.run();
            if (base instanceof COSDictionary dictionary) {
                if (dictionary.containsKey(COSName.JS) || JAVASCRIPT.equals(dictionary.getCOSName(COSName.S))
                        || dictionary.containsKey(JAVASCRIPT)) {
                    throw new PdfText.Refused(DocumentRejectedException.Reason.ACTIVE_CONTENT,
                            "the PDF carries JavaScript; send it without scripts");
                }
                dictionary.getValues().forEach(todo::push);
                if (dictionary instanceof COSStream stream) {
                    decoded += decodedLength(stream, buffer, maxDecodedBytes - decoded, deadline);
                    if (decoded > maxDecodedBytes) {
                        throw new PdfText.Refused(DocumentRejectedException.Reason.LIMIT_EXCEEDED,
                                "the PDF's streams inflate to more than " + (maxDecodedBytes >> 20)
                                        + " MB; refused as a decompression bomb");
                    }
                }
            } else if (base instanceof COSArray array) {
                array.forEach(todo::push);
            }
        }
    }

    /** Reads at most {@code budget + 1} decoded bytes; a stream PDFBox cannot decode counts as empty. */
    private static long decodedLength(COSStream stream, byte[] buffer, long budget, Runnable deadline) {
        long n = 0;
        try (InputStream in = stream.createInputStream()) {
            int read;
            while (n <= budget && (read = in.read(buffer)) > 0) {
                n += read;
                deadline.run();
            }
        } catch (IOException e) {
            return n; // text extraction reports what it cannot read
        }
        return n;
    }
}
