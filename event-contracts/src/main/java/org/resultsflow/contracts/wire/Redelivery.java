package org.resultsflow.contracts.wire;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What a consumer does with a record (or batch) whose apply failed: retry it, or set it aside.
 *
 * <p>Only a failure that says the record itself is bad sets it aside: an {@link InvalidEventException}, or
 * a database refusing its data (SQLSTATE class 22, data exception, or 23, integrity violation). Anything
 * else, the database or broker away or a timeout above all but also a failure not foreseen here, is
 * retried with backoff: a record set aside wrongly is lost to every reader until someone replays it,
 * while one retried wrongly only delays its partition, visibly (readiness is DOWN, saying why).
 */
public final class Redelivery {

    public enum Decision { RETRY, DEAD_LETTER }

    private static final Set<String> RECORD_FAULTS = Set.of("22", "23");
    /** The first retry waits this long; each next one twice as long, up to {@link #MAX_DELAY}. */
    public static final Duration FIRST_DELAY = Duration.ofMillis(100);
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Function<Throwable, String> sqlState;

    /**
     * @param driverSqlState the SQLSTATE of the database driver's own exception type, null for other
     *     throwables (a {@link SQLException}'s is read without it)
     */
    public Redelivery(Function<Throwable, String> driverSqlState) {
        this.sqlState = t -> t instanceof SQLException sql ? sql.getSQLState() : driverSqlState.apply(t);
    }

    public Decision decide(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return Decision.DEAD_LETTER;
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return Decision.RETRY;
            }
            String state = sqlState.apply(t);
            if (state != null && state.length() >= 2) {
                return RECORD_FAULTS.contains(state.substring(0, 2)) ? Decision.DEAD_LETTER : Decision.RETRY;
            }
        }
        return Decision.RETRY;
    }

    /** The wait before retry number {@code attempt} (1 for the first): 100 ms doubling up to 30 s. */
    public static Duration backoff(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 20));
        long millis = FIRST_DELAY.toMillis() << doublings;
        return millis >= MAX_DELAY.toMillis() ? MAX_DELAY : Duration.ofMillis(millis);
    }
}
