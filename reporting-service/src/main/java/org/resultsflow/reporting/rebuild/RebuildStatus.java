package org.resultsflow.reporting.rebuild;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a rebuild is, or how the last one ended.
 *
 * @param state IDLE (none since start), RUNNING, SUCCEEDED or FAILED
 * @param phase what a running rebuild is doing: PREPARING, REPLAYING, SWAPPING, DONE
 * @param recordsToReplay records in catalog.changes when the rebuild started (end − beginning offsets)
 * @param recordsReplayed records read so far, of any kind
 * @param replayedByType records read per event type (those of types no read model uses under their type too)
 * @param rejected records that cannot be applied (not decodable, schema violations): skipped, as the live
 *     consumer dead-letters them
 * @param rowsSwappedIn rows of each read-model table after the swap
 */
@Schema(name = "RebuildStatus")
public record RebuildStatus(String id, String state, String phase, Instant startedAt, Instant finishedAt,
        Long durationMillis, long recordsToReplay, long recordsReplayed, Map<String, Long> replayedByType,
        long rejected, Map<String, Long> rowsSwappedIn, String error) {

    static RebuildStatus idle() {
        return new RebuildStatus(null, "IDLE", null, null, null, null, 0, 0, Map.of(), 0, Map.of(), null);
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
