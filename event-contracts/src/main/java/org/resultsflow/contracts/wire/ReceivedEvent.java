package org.resultsflow.contracts.wire;

/** An event taken off a topic: its CloudEvents id and type, and its data. */
public record ReceivedEvent<T>(String id, String type, T data) {
}
