package org.resultsflow.catalog.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.catalog.messaging.OutboxRelay;

/**
 * catalog.changes read back from the outbox: the rows the relay has published, in publication order, each
 * as the CloudEvent the topic carries. Published rows are kept (nothing prunes the outbox), so the feed
 * reaches back to the first change.
 */
@ApplicationScoped
public class ChangeFeed {

    private final Pool pool;
    private final ObjectMapper json;

    public ChangeFeed(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Up to {@code limit} published changes after the cursor {@code after} (0 for the beginning). */
    public Uni<List<FeedEvent>> after(long after, int limit) {
        return pool.preparedQuery("SELECT published_seq, event_id, event_type, record_key, payload::text AS payload, created_at "
                        + "FROM outbox_event WHERE published_seq > $1 ORDER BY published_seq LIMIT $2")
                .execute(Tuple.of(after, limit))
                .map(rows -> {
                    List<FeedEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events;
                });
    }

    private FeedEvent event(Row row) {
        JsonNode data;
        try {
            data = json.readTree(row.getString("payload"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("outbox row " + row.getLong("published_seq") + " holds no JSON", e);
        }
        OffsetDateTime time = row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC);
        return new FeedEvent(Long.toString(row.getLong("published_seq")), "1.0", row.getString("event_id"),
                OutboxRelay.SOURCE.toString(), row.getString("event_type"), row.getString("record_key"), time,
                "application/json", data);
    }
}
