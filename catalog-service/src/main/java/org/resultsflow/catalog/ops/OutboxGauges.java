package org.resultsflow.catalog.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.resultsflow.contracts.ops.DomainMetric;

/**
 * {@link DomainMetric#OUTBOX_BACKLOG} and {@link DomainMetric#OUTBOX_OLDEST_AGE}, measured in the database on a
 * schedule (a scrape must not wait for a query), so every catalog instance reports the shared outbox.
 */
@ApplicationScoped
public class OutboxGauges {

    private final Pool pool;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxGauges(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder(DomainMetric.OUTBOX_BACKLOG.metricName(), backlog, AtomicLong::doubleValue)
                .description(DomainMetric.OUTBOX_BACKLOG.description()).register(registry);
        Gauge.builder(DomainMetric.OUTBOX_OLDEST_AGE.metricName(), oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description(DomainMetric.OUTBOX_OLDEST_AGE.description())
                .baseUnit(DomainMetric.OUTBOX_OLDEST_AGE.baseUnit()).register(registry);
    }

    @Scheduled(every = "${resultsflow.catalog.outbox.gauge-interval:5s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        // The partial index on unpublished rows keeps this cheap however long the outbox grows.
        return pool.query("SELECT count(*) AS pending, "
                        + "COALESCE(EXTRACT(EPOCH FROM (now() - min(created_at))) * 1000, 0)::bigint AS age "
                        + "FROM outbox_event WHERE published_at IS NULL")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong("pending"));
                    oldestAgeMillis.set(Math.max(0, row.getLong("age")));
                })
                .replaceWithVoid()
                // The database away: the gauges keep their last values, readiness reports the outage.
                .onFailure().recoverWithNull();
    }
}
