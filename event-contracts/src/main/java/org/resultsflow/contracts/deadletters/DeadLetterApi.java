package org.resultsflow.contracts.deadletters;

/**
 * The admin API on dead letters, the same in every service that consumes: its paths, role, paging bounds and the
 * words its OpenAPI document uses (constants, so each service's resource annotates with them).
 */
public final class DeadLetterApi {

    public static final String PATH = "/api/admin/dead-letters";
    public static final String REPLAY = "/replay";
    public static final String ROLE = "admin";
    public static final String TOTAL = "X-Total-Count";
    public static final int MAX_SIZE = 500;

    public static final String LIST_SUMMARY = "Records the consumers set aside";
    public static final String LIST_DESCRIPTION = "In the order they were set aside, one page at a time (the count of "
            + "all that match in X-Total-Count): topic, partition and offset they were read at, key, CloudEvents id and "
            + "type, headers, payload as received, the reason, when, and when a replay applied it (null while pending). "
            + "The same records are on the service's dead-letter topic.";
    public static final String REPLAY_SUMMARY = "Send dead letters through their consumer again";
    public static final String REPLAY_DESCRIPTION = "Once the cause is fixed: the records named by 'ids' (whatever "
            + "their state), or else every pending one of 'topic', or else every pending one, at most "
            + ReplayRequest.MAX + " a request, in the order they were set aside, through the same decoding and apply as "
            + "live records. Applied ones are marked replayed; refused ones stay pending with the new reason. Idempotent: "
            + "an event already applied is not applied again. No body, or {}, replays every pending one.";
    public static final String STOPPED = "The replay stopped short because something other than a record failed (the "
            + "database away); what was replayed stays replayed; repeat the request later";

    private DeadLetterApi() {
    }
}
