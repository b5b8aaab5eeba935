package org.resultsflow.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.wire.Redelivery.Decision;

/** Which failures retry the batch and which set the record aside. */
class RedeliveryTest {

    /** A driver exception carrying its SQLSTATE, as the reactive PostgreSQL client's does. */
    static final class DriverException extends RuntimeException {
        final String sqlState;

        DriverException(String sqlState) {
            super("driver says " + sqlState);
            this.sqlState = sqlState;
        }
    }

    private final Redelivery redelivery = new Redelivery(t -> t instanceof DriverException d ? d.sqlState : null);

    @Test
    void theDatabaseOrBrokerAwayIsRetried() {
        assertEquals(Decision.RETRY, redelivery.decide(new CompletionException(new ConnectException("Connection refused"))));
        assertEquals(Decision.RETRY, redelivery.decide(new DriverException("57P01")));
        assertEquals(Decision.RETRY, redelivery.decide(new DriverException("08006")));
        assertEquals(Decision.RETRY, redelivery.decide(new DriverException("40P01")));
        assertEquals(Decision.RETRY, redelivery.decide(new SQLException("too many connections", "53300")));
        assertEquals(Decision.RETRY, redelivery.decide(new TimeoutException()));
    }

    @Test
    void aRecordTheDatabaseRefusesOrThatIsInvalidIsSetAside() {
        assertEquals(Decision.DEAD_LETTER, redelivery.decide(new RuntimeException(new DriverException("23505"))));
        assertEquals(Decision.DEAD_LETTER, redelivery.decide(new DriverException("22001")));
        assertEquals(Decision.DEAD_LETTER, redelivery.decide(new InvalidEventException("lacks its outcome")));
    }

    @Test
    void anUnforeseenFailureIsRetriedBecauseALostRecordIsWorseThanADelayedOne() {
        assertEquals(Decision.RETRY, redelivery.decide(new IllegalStateException("claim holds unreadable JSON")));
        assertEquals(Decision.RETRY, redelivery.decide(new NullPointerException()));
    }

    @Test
    void theBackoffDoublesFromAHundredMillisecondsToThirtySeconds() {
        assertEquals(Duration.ofMillis(100), Redelivery.backoff(1));
        assertEquals(Duration.ofMillis(200), Redelivery.backoff(2));
        assertEquals(Duration.ofMillis(25_600), Redelivery.backoff(9));
        assertEquals(Duration.ofSeconds(30), Redelivery.backoff(10));
        assertEquals(Duration.ofSeconds(30), Redelivery.backoff(10_000));
    }
}
