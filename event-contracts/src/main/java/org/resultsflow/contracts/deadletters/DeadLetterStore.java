package org.resultsflow.contracts.deadletters;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a service keeps the records its consumers set aside: in its own database, so each service has its own. */
public interface DeadLetterStore {

    /** Which dead letters: of one topic (null: any) in one state (null: either). */
    record Filter(String topic, DeadLetter.State state) {
    }

    /**
     * Keeps the record with the reason. Once per topic, partition and offset: a batch that is retried after its
     * records were set aside sets them aside again, and that changes nothing.
     */
    CompletionStage<Void> keep(ConsumerRecord<String, String> record, String reason, Instant at);

    /** Page {@code page} (from 0) of {@code size}, in the order they were set aside. */
    CompletionStage<List<DeadLetter>> list(Filter filter, int page, int size);

    CompletionStage<Long> count(Filter filter);

    /** These dead letters, in the order they were set aside; ids that name none are left out. */
    CompletionStage<List<DeadLetter>> find(Collection<Long> ids);

    /** A replay applied it. */
    CompletionStage<Void> replayed(long id, Instant at);

    /** A replay refused it again, for this reason; it stays pending. */
    CompletionStage<Void> refusedAgain(long id, String reason);
}
