package org.resultsflow.catalog.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.resultsflow.contracts.ops.ConsumerLag;

/** Consumer lag of catalog's group over the three ingest topics it reads. */
@Startup
@ApplicationScoped
public class KafkaConsumerLag {

    private final ConsumerLag lag;

    public KafkaConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry,
            @ConfigProperty(name = "mp.messaging.incoming.results.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.results.topics") List<String> topics,
            @ConfigProperty(name = "resultsflow.consumer-lag.interval", defaultValue = "15S") Duration interval) {
        this.lag = new ConsumerLag(kafka, registry, Map.of(group, topics), interval);
    }

    @PreDestroy
    void close() {
        lag.close();
    }
}
