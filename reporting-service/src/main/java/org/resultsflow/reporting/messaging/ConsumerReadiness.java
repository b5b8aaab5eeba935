package org.resultsflow.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while catalog.changes waits to retry a batch (the database away, say), saying why; UP once applied. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final CatalogChangesConsumer consumer;

    public ConsumerReadiness(CatalogChangesConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return consumer.changes().notReady()
                .map(why -> HealthCheckResponse.named("catalog.changes consumed").down().withData("retrying", why).build())
                .orElseGet(() -> HealthCheckResponse.up("catalog.changes consumed"));
    }
}
