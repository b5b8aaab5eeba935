package org.resultsflow.catalog.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away, retry" and which mean "this event cannot be applied". */
class DatabaseFailureTest {

    @Test
    void connectionTroubleIsTheDatabasesNotTheEvents() {
        assertTrue(ResultsConsumer.databaseUnavailable(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(ResultsConsumer.databaseUnavailable(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(ResultsConsumer.databaseUnavailable(new PgException("connection failure", "FATAL", "08006", null)));
        assertTrue(ResultsConsumer.databaseUnavailable(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertTrue(ResultsConsumer.databaseUnavailable(new NoStackTraceThrowable("Pool closed")));
    }

    @Test
    void badDataIsTheEvents() {
        assertFalse(ResultsConsumer.databaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(ResultsConsumer.databaseUnavailable(new PgException("value too long", "ERROR", "22001", null)));
        assertFalse(ResultsConsumer.databaseUnavailable(new IllegalStateException("claim holds unreadable JSON")));
    }
}
