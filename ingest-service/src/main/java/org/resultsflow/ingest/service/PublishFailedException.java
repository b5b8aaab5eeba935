package org.resultsflow.ingest.service;

/** Kafka did not acknowledge every event of a document; nothing was registered, so a retry is safe. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
