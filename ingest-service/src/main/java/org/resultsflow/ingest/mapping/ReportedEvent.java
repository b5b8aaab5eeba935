package org.resultsflow.ingest.mapping;

/**
 * One event to publish: where it goes, its CloudEvents identity, and its data.
 *
 * @param id derived from the document and the record's identity, so the same bytes give the same ids
 * @param key the record key: the identity of the entity the event is about
 */
public record ReportedEvent(Stream stream, String id, String type, String key, Object data) {

    /** The three topics ingest publishes to, by channel. */
    public enum Stream {
        OUTCOMES,
        INDICATORS,
        BUDGETS
    }
}
