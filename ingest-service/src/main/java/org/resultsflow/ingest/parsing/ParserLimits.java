package org.resultsflow.ingest.parsing;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for reading one document.
 *
 * @param pdfTimeout how long loading and text extraction of one PDF may take
 * @param pdfMainMemoryBytes how much heap PDFBox may use for one document's buffers; beyond it PDFBox
 *     spills to temporary files
 * @param textTimeout how long decoding and reading the text of one document (any media type, after PDF
 *     extraction) may take: a document built to make a regular expression backtrack is refused, not served
 */
public record ParserLimits(Duration pdfTimeout, long pdfMainMemoryBytes, Duration textTimeout) {

    public static final Duration DEFAULT_PDF_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_PDF_MAIN_MEMORY_BYTES = 32L * 1024 * 1024;
    /** The five samples parse in milliseconds; a 20 MB page in well under a second. */
    public static final Duration DEFAULT_TEXT_TIMEOUT = Duration.ofSeconds(2);

    public ParserLimits {
        Objects.requireNonNull(pdfTimeout, "pdfTimeout");
        Objects.requireNonNull(textTimeout, "textTimeout");
        if (pdfTimeout.isNegative() || pdfTimeout.isZero() || textTimeout.isNegative() || textTimeout.isZero()) {
            throw new IllegalArgumentException("time bounds must be positive");
        }
        if (pdfMainMemoryBytes <= 0) {
            throw new IllegalArgumentException("pdfMainMemoryBytes must be positive");
        }
    }

    /** PDF bounds as given, the default text bound. */
    public ParserLimits(Duration pdfTimeout, long pdfMainMemoryBytes) {
        this(pdfTimeout, pdfMainMemoryBytes, DEFAULT_TEXT_TIMEOUT);
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_PDF_TIMEOUT, DEFAULT_PDF_MAIN_MEMORY_BYTES, DEFAULT_TEXT_TIMEOUT);
    }
}
