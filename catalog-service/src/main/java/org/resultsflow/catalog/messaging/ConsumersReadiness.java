package org.resultsflow.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.resultsflow.contracts.wire.BatchConsumer;

/** DOWN while a consumer waits to retry a batch (the database away, say), with the reason; UP once it applied it. */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final ResultsConsumer consumer;

    public ConsumersReadiness(ResultsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest topics consumed").up();
        for (BatchConsumer<?> c : consumer.consumers()) {
            c.notReady().ifPresent(why -> response.down().withData(c.name(), why));
        }
        return response.build();
    }
}
