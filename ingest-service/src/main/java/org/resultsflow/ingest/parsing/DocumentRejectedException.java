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
        /** Reading it would take more time or memory than the limits allow (a backtracking or inflating document). */
        LIMIT_EXCEEDED,
        /** A PDF that is encrypted: its text cannot be read, or not without trusting its protection. */
        ENCRYPTED,
        /** A PDF that carries JavaScript: never needed for results data, refused rather than stored. */
        ACTIVE_CONTENT,
        /** A media type other than text/plain, text/html, application/pdf or XML. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Declared XML but not well-formed. */
        MALFORMED_XML,
        /** XML with a DTD or entity references: refused so no entity is fetched or expanded. */
        UNSAFE_XML
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
