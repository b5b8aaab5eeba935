package org.resultsflow.reporting.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.resultsflow.reporting.change.CatalogChange;
import org.resultsflow.reporting.store.Applied;
import org.resultsflow.reporting.store.ReadModelGeneration;
import org.resultsflow.reporting.store.ReadModelWriter;

/**
 * Applies changes to the live read models: one transaction per batch holding the effect and the ids of the
 * events (a redelivered event changes nothing), under the shared swap lock so that a rebuild's swap never
 * interleaves with it. The batch bumps the read models' generation last, so cached answers of every instance are
 * stale from its commit on.
 */
@ApplicationScoped
public class LiveReadModels {

    private final Pool pool;
    private final ReadModelWriter writer;

    public LiveReadModels(Pool pool, ReadModelWriter writer) {
        this.pool = pool;
        this.writer = writer;
    }

    public Uni<Applied> apply(List<? extends CatalogChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(Applied.none());
        }
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT pg_advisory_xact_lock_shared($1)")
                .execute(Tuple.of(ReadModelWriter.SWAP_LOCK))
                .chain(() -> writer.apply(connection, null, changes, true))
                .call(() -> connection.preparedQuery(ReadModelGeneration.BUMP).execute()));
    }
}
