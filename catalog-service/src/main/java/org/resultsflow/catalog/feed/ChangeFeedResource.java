package org.resultsflow.catalog.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.contracts.errors.ApiError;

/**
 * catalog.changes over plain HTTP, for systems that cannot speak Kafka: pages with a cursor, or one
 * Server-Sent Events stream that resumes from {@code Last-Event-ID}.
 */
@Path("/api/changes")
@Tag(name = "changes", description = "The catalog.changes events over HTTP")
public class ChangeFeedResource {

    private static final String AFTER = "Return the events after this cursor; 0 (or absent) for the very first";

    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final Duration pollInterval;

    public ChangeFeedResource(ChangeFeed feed, ObjectMapper json,
            @ConfigProperty(name = "resultsflow.catalog.feed.poll-interval", defaultValue = "1S") Duration pollInterval) {
        this.feed = feed;
        this.json = json;
        this.pollInterval = pollInterval;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A page of change events",
            description = "The catalog.changes events published after the cursor, in the order they were published, each "
                    + "as a CloudEvent with its data, and the cursor to continue from. Folding every event from the start, "
                    + "latest per subject, gives the catalog's current state.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<FeedPage> page(
            @Parameter(description = AFTER) @QueryParam("after") String after,
            @Parameter(description = "At most this many events, 1 to 1000") @QueryParam("limit") @DefaultValue("100")
            @Min(1) @Max(1000) int limit) {
        long cursor = cursor(after);
        return feed.after(cursor, limit).map(events -> new FeedPage(events,
                events.isEmpty() ? Long.toString(cursor) : events.get(events.size() - 1).cursor()));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The change events as a stream",
            description = "Server-Sent Events: every event after the cursor, then new ones as they are published. Each "
                    + "SSE event has the cursor as its id and the CloudEvent (JSON) as its data, so a client that "
                    + "reconnects with Last-Event-ID continues where it stopped.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = FeedEvent.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = AFTER + "; Last-Event-ID wins when both are given") @QueryParam("after") String after,
            @Parameter(description = "The id of the last event received, sent by SSE clients when they reconnect")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        AtomicLong cursor = new AtomicLong(cursor(lastEventId != null && !lastEventId.isBlank() ? lastEventId : after));
        // Polls the outbox: a page at once while there is a backlog, then every poll interval.
        return Multi.createBy().repeating()
                .uni(() -> feed.after(cursor.get(), 500)
                        .call(events -> events.isEmpty() ? Uni.createFrom().voidItem().onItem().delayIt().by(pollInterval)
                                : Uni.createFrom().voidItem()))
                .indefinitely()
                .onItem().<FeedEvent>disjoint()
                .map(event -> {
                    cursor.set(Long.parseLong(event.cursor()));
                    return sse.newEventBuilder().id(event.cursor()).name(event.type())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, write(event)).build();
                });
    }

    private String write(FeedEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long cursor(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(value.trim());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("A cursor is the 'cursor' of an event of this feed (a number >= 0), not '" + value + "'");
    }
}
