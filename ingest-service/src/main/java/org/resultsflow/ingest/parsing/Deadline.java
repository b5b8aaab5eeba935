package org.resultsflow.ingest.parsing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one parse on a thread of its own and gives up waiting after a time bound. The caller's thread (a
 * request worker) is free again at the bound whatever the document does; the abandoned parse is interrupted
 * and, being a daemon, never holds the JVM up. Regular-expression matching ignores interrupts, so a runaway
 * match may still finish its line on the abandoned thread: the bound protects the service's answers, the
 * document size limit bounds that leftover work.
 */
final class Deadline {

    /** A parse step that may reject the document. */
    interface Step<T> {
        T run() throws DocumentRejectedException;
    }

    private Deadline() {
    }

    static <T> T within(Duration bound, String what, Step<T> step) throws DocumentRejectedException {
        Callable<T> call = step::run;
        FutureTask<T> task = new FutureTask<>(call);
        Thread worker = new Thread(task, "parse-" + what);
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        try {
            T result = task.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            // The caller may have been descheduled past the bound while the parse finished: the bound is
            // what was promised, so a late answer is refused like an abandoned one.
            if (System.nanoTime() - start > bound.toNanos()) {
                throw tooLong(what, bound, null);
            }
            return result;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw tooLong(what, bound, e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentRejectedException(DocumentRejectedException.Reason.LIMIT_EXCEEDED,
                    "interrupted while reading the " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DocumentRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static DocumentRejectedException tooLong(String what, Duration bound, Throwable cause) {
        return new DocumentRejectedException(DocumentRejectedException.Reason.LIMIT_EXCEEDED,
                "reading the " + what + " took longer than " + bound.toMillis() + " ms; abandoned", cause);
    }
}
