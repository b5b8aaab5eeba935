package org.resultsflow.reporting.store;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The generation of the read models: a counter in the database that every transaction changing them bumps as it
 * commits. Two reads of the same generation see the same read models, whichever instance wrote them.
 *
 * <p>Concurrent askers share queries: one query runs at a time, and whoever asks while it runs waits for the next,
 * which starts after they asked, so every asker gets a generation committed no earlier than its asking.
 */
@ApplicationScoped
public class ReadModelGeneration {

    /**
     * The bump, run as the last statement of a changing transaction: the row lock it takes is held only until
     * the commit, so concurrent batches of several instances queue for it briefly and never in a cycle.
     */
    public static final String BUMP = "UPDATE read_model_generation SET generation = generation + 1";

    private record Asker(UniEmitter<? super Long> emitter, Context context) {

        void answer(Long generation, Throwable failure) {
            Runnable emit = failure == null ? () -> emitter.complete(generation) : () -> emitter.fail(failure);
            if (context == null) {
                emit.run();
            } else {
                context.runOnContext(ignored -> emit.run());
            }
        }
    }

    private final Pool pool;
    private final Object lock = new Object();
    private List<Asker> waiting = new ArrayList<>();
    private boolean querying;

    public ReadModelGeneration(Pool pool) {
        this.pool = pool;
    }

    /** The generation committed now; answered on the asker's own Vert.x context. */
    public Uni<Long> current() {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (lock) {
                waiting.add(new Asker(emitter, Vertx.currentContext()));
                start = !querying;
                querying = true;
            }
            if (start) {
                query();
            }
        });
    }

    private void query() {
        List<Asker> askers;
        synchronized (lock) {
            askers = waiting;
            waiting = new ArrayList<>();
        }
        pool.preparedQuery("SELECT generation FROM read_model_generation").execute().subscribe().with(
                rows -> answered(askers, rows.iterator().next().getLong(0), null),
                failure -> answered(askers, null, failure));
    }

    private void answered(List<Asker> askers, Long generation, Throwable failure) {
        boolean again;
        synchronized (lock) {
            again = !waiting.isEmpty();
            querying = again;
        }
        if (again) {
            query();
        }
        askers.forEach(asker -> asker.answer(generation, failure));
    }
}
