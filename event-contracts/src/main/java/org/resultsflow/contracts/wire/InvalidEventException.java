package org.resultsflow.contracts.wire;

/** A record that can never be applied, however often it is retried: it belongs in a dead-letter topic. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message);
    }
}
