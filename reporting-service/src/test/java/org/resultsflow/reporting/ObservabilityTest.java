package org.resultsflow.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;

/**
 * The last hop of a document's trace: a catalog change that carries trace context is written to the read models in
 * a span of that trace, its freshness is measured from the ingest time the relay passes on, and every reporting
 * metric is exported.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ObservabilityTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theReadModelWriteContinuesTheChangesTraceAndEveryReportingMetricIsExported() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String budgetId = "TRC_D_1." + System.nanoTime() + "/2022";
        ProducerRecord<String, String> record = new ProducerRecord<>("catalog.changes", budgetId,
                SeedCatalog.JSON.writeValueAsString(ChangeFixtures.budget(budgetId, "XM-DAC-41146-TRC_D_1", 1, "$1 M")));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", EventTypes.CATALOG_BUDGET,
                "ce_source", "/resultsflow/catalog-service", "ce_subject", budgetId, "ce_time", Instant.now().toString(),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                DomainMeters.INGESTED_AT_HEADER, Instant.now().minusSeconds(2).toString())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }

        await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getName().equals("read models write")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (DomainMetric metric : DomainMetric.values()) {
                if (metric.services().contains(DomainMetric.Service.REPORTING)) {
                    metric.prometheusNames().forEach(name -> assertTrue(metrics.lines()
                            .anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")), name + " is exported"));
                }
            }
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("resultsflow_read_model_freshness_seconds_count")
                    && !l.endsWith(" 0.0")), "freshness was measured");
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("resultsflow_consumer_lag{") && !l.contains("NaN")),
                    "consumer lag has real values");
        });
    }
}
