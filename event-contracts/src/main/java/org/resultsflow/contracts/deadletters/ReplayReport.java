package org.resultsflow.contracts.deadletters;

import java.util.List;

/**
 * What a replay did: the dead letters it took, those applied (now replayed), those refused again with the reason
 * (still pending), how many of the request's kind still wait, and why it stopped short, if it did.
 *
 * @param pending pending dead letters left that the same request would take (of its topic, or any)
 * @param stopped null when every dead letter taken was tried; else the failure (the database away, say) that
 *     stopped the replay, which may be repeated once it is gone
 */
public record ReplayReport(int taken, List<Long> applied, List<Refused> refused, long pending, String stopped) {

    /** A dead letter its consumer still cannot apply, and why. */
    public record Refused(long id, String reason) {
    }

    public ReplayReport {
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
    }
}
