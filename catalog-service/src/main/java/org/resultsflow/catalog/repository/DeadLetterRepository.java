package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.deadletters.DeadLetter;
import org.resultsflow.contracts.deadletters.DeadLetterStore;
import org.resultsflow.contracts.wire.CloudEventRecords;

/**
 * The catalog's dead letters in its own database. Each operation is a session (or transaction) of its own: a
 * record is set aside after its apply failed and rolled back, so there is no transaction to join; it is kept
 * before its batch completes, so before the offsets move past it.
 */
@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetterEntry, Long>, DeadLetterStore {

    @Override
    public CompletionStage<Void> keep(ConsumerRecord<String, String> record, String reason, Instant at) {
        return Panache.withTransaction(() -> find("topic = ?1 and partitionNo = ?2 and recordOffset = ?3", record.topic(),
                        record.partition(), record.offset()).firstResult()
                .chain(known -> {
                    if (known != null) {
                        return Uni.createFrom().voidItem();
                    }
                    DeadLetterEntry entry = new DeadLetterEntry();
                    entry.topic = record.topic();
                    entry.partitionNo = record.partition();
                    entry.recordOffset = record.offset();
                    entry.recordKey = DeadLetter.storable(record.key());
                    entry.eventId = DeadLetter.storable(DeadLetter.eventIdOf(record));
                    entry.eventType = DeadLetter.storable(CloudEventRecords.type(record));
                    entry.headers = DeadLetter.headersJson(DeadLetter.headersOf(record));
                    entry.payload = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
                    entry.reason = DeadLetter.storable(reason);
                    entry.setAsideAt = at;
                    return persist(entry).replaceWithVoid();
                })).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<DeadLetter>> list(Filter filter, int page, int size) {
        return Panache.withSession(() -> matching(filter).page(page, size).list())
                .map(DeadLetterRepository::letters).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Long> count(Filter filter) {
        return Panache.withSession(() -> matching(filter).count()).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<DeadLetter>> find(Collection<Long> ids) {
        return Panache.withSession(() -> find("id in :ids", Sort.by("id"), Parameters.with("ids", ids)).list())
                .map(DeadLetterRepository::letters).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> replayed(long id, Instant at) {
        return Panache.withTransaction(() -> update("replayedAt = ?1 where id = ?2", at, id)).replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> refusedAgain(long id, String reason) {
        return Panache.withTransaction(() -> update("reason = ?1, replayedAt = null where id = ?2",
                DeadLetter.storable(reason), id)).replaceWithVoid().subscribeAsCompletionStage();
    }

    private PanacheQuery<DeadLetterEntry> matching(Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.topic() != null) {
            where.add("topic = :topic");
            parameters.and("topic", filter.topic());
        }
        if (filter.state() != null) {
            where.add(filter.state() == DeadLetter.State.PENDING ? "replayedAt is null" : "replayedAt is not null");
        }
        return find(where.isEmpty() ? "from DeadLetterEntry" : String.join(" and ", where), Sort.by("id"), parameters);
    }

    private static List<DeadLetter> letters(List<DeadLetterEntry> entries) {
        return entries.stream().map(DeadLetterEntry::letter).toList();
    }
}
