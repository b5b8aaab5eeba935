package org.resultsflow.reporting.store;

import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.deadletters.DeadLetter;
import org.resultsflow.contracts.deadletters.DeadLetterStore;
import org.resultsflow.contracts.wire.CloudEventRecords;

/**
 * Reporting's dead letters in its own database (see V5__dead_letters.sql). Each statement commits on its own: a
 * record is set aside after its apply failed and rolled back, so there is no transaction to join; it is kept before
 * its batch completes, so before the offsets move past it.
 */
@ApplicationScoped
public class DeadLetterQueries implements DeadLetterStore {

    private static final String COLUMNS = "SELECT id, topic, partition_no, record_offset, record_key, event_id, event_type,"
            + " headers, payload, reason, set_aside_at, replayed_at FROM dead_letter";

    private final Pool pool;

    public DeadLetterQueries(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Void> keep(ConsumerRecord<String, String> record, String reason, Instant at) {
        return pool.preparedQuery("INSERT INTO dead_letter (topic, partition_no, record_offset, record_key, event_id,"
                        + " event_type, headers, payload, reason, set_aside_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " ON CONFLICT (topic, partition_no, record_offset) DO NOTHING")
                .execute(Tuple.from(Arrays.asList(record.topic(), record.partition(), record.offset(),
                        DeadLetter.storable(record.key()), DeadLetter.storable(DeadLetter.eventIdOf(record)),
                        DeadLetter.storable(CloudEventRecords.type(record)),
                        DeadLetter.headersJson(DeadLetter.headersOf(record)),
                        // The core Buffer: a Tuple's values are those of the core client, not their Mutiny wrappers.
                        record.value() == null ? null : io.vertx.core.buffer.Buffer.buffer(record.value().getBytes(StandardCharsets.UTF_8)),
                        DeadLetter.storable(reason), at.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid().subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<DeadLetter>> list(Filter filter, int page, int size) {
        Where where = matching(filter);
        return pool.preparedQuery(COLUMNS + where.clause() + " ORDER BY id" + where.page(page, size)).execute(where.tuple())
                .map(rows -> Listing.map(rows, DeadLetterQueries::letter)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Long> count(Filter filter) {
        Where where = matching(filter);
        return pool.preparedQuery("SELECT count(*) FROM dead_letter" + where.clause()).execute(where.tuple())
                .map(rows -> rows.iterator().next().getLong(0)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<DeadLetter>> find(Collection<Long> ids) {
        return pool.preparedQuery(COLUMNS + " WHERE id = ANY($1) ORDER BY id").execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> Listing.map(rows, DeadLetterQueries::letter)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> replayed(long id, Instant at) {
        return pool.preparedQuery("UPDATE dead_letter SET replayed_at = $1 WHERE id = $2")
                .execute(Tuple.of(at.atOffset(ZoneOffset.UTC), id)).replaceWithVoid().subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> refusedAgain(long id, String reason) {
        return pool.preparedQuery("UPDATE dead_letter SET reason = $1, replayed_at = NULL WHERE id = $2")
                .execute(Tuple.of(DeadLetter.storable(reason), id)).replaceWithVoid().subscribeAsCompletionStage();
    }

    private static Where matching(Filter filter) {
        Where where = new Where().eq("topic", filter.topic());
        if (filter.state() == DeadLetter.State.PENDING) {
            where.condition("replayed_at IS NULL");
        } else if (filter.state() == DeadLetter.State.REPLAYED) {
            where.condition("replayed_at IS NOT NULL");
        }
        return where;
    }

    private static DeadLetter letter(Row row) {
        Buffer payload = row.getBuffer("payload");
        return new DeadLetter(row.getLong("id"), row.getString("topic"), row.getInteger("partition_no"),
                row.getLong("record_offset"), row.getString("record_key"), row.getString("event_id"),
                row.getString("event_type"), DeadLetter.headersFromJson(row.getString("headers")),
                payload == null ? null : payload.toString(StandardCharsets.UTF_8), row.getString("reason"),
                instant(row.getOffsetDateTime("set_aside_at")), instant(row.getOffsetDateTime("replayed_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
