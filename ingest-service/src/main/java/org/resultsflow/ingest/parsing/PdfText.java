package org.resultsflow.ingest.parsing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF to text with PDFBox 3: text sorted by position (columns of a row come out on one line), a blank line
 * where the vertical gap marks a new paragraph (the export parser reads paragraphs). Bounded: the whole
 * extraction runs on its own thread and is abandoned after the configured time (the stripper also checks
 * the deadline per glyph and stops); PDFBox buffers stay in memory up to the configured size and spill to
 * temporary files beyond it. A file that does not start like a PDF, lacks its end-of-file marker
 * (truncated), or that PDFBox cannot read is rejected as {@code NOT_A_PDF}.
 */
final class PdfText {

    private PdfText() {
    }

    static String extract(byte[] bytes, ParserLimits limits) throws DocumentRejectedException {
        if (bytes.length == 0) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the document is empty");
        }
        if (!hasHeader(bytes)) {
            throw notPdf("the content does not start with a PDF header (%PDF-)", null);
        }
        if (!hasEndMarker(bytes)) {
            throw notPdf("the PDF has no end-of-file marker (%%EOF): it is truncated", null);
        }
        long deadline = System.nanoTime() + limits.pdfTimeout().toNanos();
        FutureTask<String> task = new FutureTask<>(() -> read(bytes, limits, deadline));
        Thread worker = new Thread(task, "pdf-text");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(limits.pdfTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw notPdf("reading the PDF took longer than " + limits.pdfTimeout().toMillis() + " ms; abandoned", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw notPdf("interrupted while reading the PDF", e);
        } catch (CancellationException e) {
            throw notPdf("reading the PDF was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DeadlineExceeded) {
                throw notPdf("reading the PDF took longer than " + limits.pdfTimeout().toMillis() + " ms; abandoned", cause);
            }
            if (cause instanceof InvalidPasswordException) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.ENCRYPTED,
                        "the PDF is encrypted and cannot be read without a password", cause);
            }
            if (cause instanceof Refused refused) {
                throw refused.rejection;
            }
            throw notPdf("PDFBox cannot read the PDF: " + cause, cause);
        }
    }

    private static String read(byte[] bytes, ParserLimits limits, long deadline) throws IOException {
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.pdfMainMemoryBytes());
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, memory.streamCache)) {
            if (doc.isEncrypted()) { // readable with the empty user password, but protected: not ours to unlock
                throw new Refused(DocumentRejectedException.Reason.ENCRYPTED,
                        "the PDF is encrypted; send it without protection");
            }
            PdfObjects.check(doc, maxDecodedBytes(bytes.length), () -> {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new DeadlineExceeded();
                }
            });
            BoundedStripper stripper = new BoundedStripper(deadline);
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphStart("\n");
            stripper.setPageEnd("\n");
            return stripper.getText(doc);
        }
    }

    /**
     * Decoded stream bytes a PDF may hold: 100 times its own size (real exports inflate 3-10 times), at least
     * 16 MB for small files, at most 256 MB; a file beyond is a decompression bomb.
     */
    static long maxDecodedBytes(int size) {
        return Math.min(256L << 20, Math.max(16L << 20, 100L * size));
    }

    /** A rejection decided on the worker thread, carried to the caller. */
    static final class Refused extends RuntimeException {
        final transient DocumentRejectedException rejection;

        Refused(DocumentRejectedException.Reason reason, String message) {
            super(message, null, false, false);
            this.rejection = new DocumentRejectedException(reason, message);
        }
    }

    private static boolean hasHeader(byte[] bytes) {
        int n = Math.min(bytes.length, 1024);
        String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static boolean hasEndMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - 2048);
        String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static DocumentRejectedException notPdf(String message, Throwable cause) {
        return new DocumentRejectedException(DocumentRejectedException.Reason.NOT_A_PDF, message, cause);
    }

    /** Thrown inside PDFBox's callbacks when the time is up. */
    static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded() {
            super("PDF time bound exceeded", null, false, false);
        }
    }

    private static final class BoundedStripper extends PDFTextStripper {
        private final long deadline;

        BoundedStripper(long deadline) {
            this.deadline = deadline;
        }

        private void check() {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                throw new DeadlineExceeded();
            }
        }

        @Override
        protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
            check();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            check();
            super.processTextPosition(text);
        }
    }
}
