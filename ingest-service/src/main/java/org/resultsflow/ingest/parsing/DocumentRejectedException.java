package org.resultsflow.ingest.parsing;

/** The document cannot be parsed at all; {@link #reason()} tells the caller which client error it is. */
public class DocumentRejectedException extends Exception {

    public enum Reason {
        /** No content, or only whitespace / no extractable text. */
        EMPTY,
        /** Bytes that are not text (NULs, many control characters). */
        BINARY,
        /** Declared a PDF but is not one, is truncated, or cannot be read within the limits. */
        NOT_A_PDF,
        /** Text, but none of the known layouts. */
        UNKNOWN_LAYOUT,
        /** A media type other than text/plain, text/html or application/pdf. */
        UNSUPPORTED_MEDIA_TYPE
    }

    private final Reason reason;

    public DocumentRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
