package org.resultsflow.catalog.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of the change feed")
public record FeedPage(
        List<FeedEvent> events,
        @Schema(description = "The cursor to ask for next (after=<next>): the last event's, or the one asked with "
                + "when there is nothing new yet")
        String next) {
}
