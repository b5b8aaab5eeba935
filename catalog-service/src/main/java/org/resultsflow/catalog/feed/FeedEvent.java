package org.resultsflow.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One catalog.changes event in CloudEvents' JSON form (structured mode): the attributes the Kafka record
 * carries as ce_* headers, its data, and its position in the feed. The record key is {@code subject}.
 */
@Schema(description = "A catalog.changes event as a CloudEvent (JSON format), with its position in the feed")
public record FeedEvent(
        @Schema(description = "Position in the feed: pass it as 'after' (or Last-Event-ID) to continue behind this event")
        String cursor,
        String specversion,
        String id,
        String source,
        @Schema(description = "catalog.outcome.v1, catalog.indicator.v1, catalog.budget.v1 or catalog.funding.v1; "
                + "the data's JSON Schema is /schemas/<type>.json")
        String type,
        @Schema(description = "The entity the event is about: the Kafka record key")
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        @Schema(description = "The record's whole state after the change, as on the topic")
        JsonNode data) {
}
