package org.resultsflow.contracts.wire;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a consumer makes of one record: an event to apply, a record to set aside, or one it has no use for. */
public sealed interface Decoded<T> {

    ConsumerRecord<String, String> record();

    /** A well-formed event of a type the consumer applies. */
    record Event<T>(ConsumerRecord<String, String> record, ReceivedEvent<T> event) implements Decoded<T> {
    }

    /** A record that can never be applied however often it is read: it goes to the dead letters with the reason. */
    record Poison<T>(ConsumerRecord<String, String> record, String reason) implements Decoded<T> {
    }

    /** A well-formed record of a type this consumer does not apply: skipped, not an error. */
    record Ignored<T>(ConsumerRecord<String, String> record) implements Decoded<T> {
    }
}
