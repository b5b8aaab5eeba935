package org.resultsflow.ingest.parsing;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for reading a PDF.
 *
 * @param pdfTimeout how long loading and text extraction of one PDF may take
 * @param pdfMainMemoryBytes how much heap PDFBox may use for one document's buffers; beyond it PDFBox
 *     spills to temporary files
 */
public record ParserLimits(Duration pdfTimeout, long pdfMainMemoryBytes) {

    public static final Duration DEFAULT_PDF_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_PDF_MAIN_MEMORY_BYTES = 32L * 1024 * 1024;

    public ParserLimits {
        Objects.requireNonNull(pdfTimeout, "pdfTimeout");
        if (pdfTimeout.isNegative() || pdfTimeout.isZero()) {
            throw new IllegalArgumentException("pdfTimeout must be positive");
        }
        if (pdfMainMemoryBytes <= 0) {
            throw new IllegalArgumentException("pdfMainMemoryBytes must be positive");
        }
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_PDF_TIMEOUT, DEFAULT_PDF_MAIN_MEMORY_BYTES);
    }
}
