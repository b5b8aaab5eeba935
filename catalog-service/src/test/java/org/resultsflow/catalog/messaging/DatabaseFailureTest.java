package org.resultsflow.catalog.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.wire.Redelivery.Decision;

/** Which failures of the reactive PostgreSQL client retry the batch and which set the event aside. */
class DatabaseFailureTest {

    @Test
    void connectionTroubleIsTheDatabasesNotTheEvents() {
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new CompletionException(new ConnectException("Connection refused"))));
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new PgException("connection failure", "FATAL", "08006", null)));
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new NoStackTraceThrowable("Pool closed")));
    }

    @Test
    void dataTheDatabaseRefusesIsTheEvents() {
        assertEquals(Decision.DEAD_LETTER, ResultsConsumer.REDELIVERY.decide(new PgException("duplicate key", "ERROR", "23505", null)));
        assertEquals(Decision.DEAD_LETTER, ResultsConsumer.REDELIVERY.decide(new PgException("value too long", "ERROR", "22001", null)));
    }

    @Test
    void anUnforeseenFailureIsRetriedRatherThanLosingTheEvent() {
        assertEquals(Decision.RETRY, ResultsConsumer.REDELIVERY.decide(new IllegalStateException("claim holds unreadable JSON")));
    }
}
