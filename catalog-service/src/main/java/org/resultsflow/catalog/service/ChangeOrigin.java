package org.resultsflow.catalog.service;

import java.time.Instant;

/**
 * Where the changes of a batch come from, as the outbox keeps it for catalog.changes: the trace the batch
 * continues and when its earliest document was ingested. Either may be null (events from a producer that
 * sends neither).
 */
public record ChangeOrigin(String traceparent, Instant ingestedAt) {

    public static final ChangeOrigin NONE = new ChangeOrigin(null, null);
}
