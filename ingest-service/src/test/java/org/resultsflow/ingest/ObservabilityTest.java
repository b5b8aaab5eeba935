package org.resultsflow.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.junit.jupiter.api.Test;

/** Traces and domain metrics of ingest: the first hop of a document's trace, and every metric ingest exports. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ObservabilityTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void thePostsTraceTravelsInTheKafkaHeadersOfItsEventsAndEveryIngestMetricIsExported() {
        String text = "outcome XM-DAC-41146-TRC_D_1." + System.nanoTime() + "\nA statement.\n"
                + "Relevant progress was achieved in this outcome in 2024.\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(DocumentIngestTest.token("ingest")).contentType("text/plain").body(bytes)
                .post("/api/documents").then().statusCode(201);
        String documentId = DocumentIngestTest.sha256(bytes);

        List<ConsumerRecord<String, String>> events = EventStreams.shared().readUntil("results.outcomes",
                records -> records.stream().anyMatch(r -> r.value().contains(documentId)), DocumentIngestTest.PATIENCE)
                .stream().filter(r -> r.value().contains(documentId)).toList();
        String traceparent = CloudEventRecords.header(events.get(0), "traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-"), "W3C trace context in the headers: " + traceparent);
        String traceId = traceparent.split("-")[1];

        await().atMost(DocumentIngestTest.PATIENCE).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/api/documents")),
                    "the event's trace is the POST's: " + trace);
            assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER), "a publish span: " + trace);
        });

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (DomainMetric metric : DomainMetric.values()) {
            if (metric.services().contains(DomainMetric.Service.INGEST)) {
                metric.prometheusNames().forEach(name -> assertTrue(metrics.lines()
                        .anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")), name + " is exported"));
            }
        }
        assertTrue(metrics.contains("resultsflow_documents_ingested_total{layout=\"PROGRESS_NOTES_LIST\",status=\"published\"}"),
                "documents by layout and status");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("resultsflow_events_published_total{topic=\"results.outcomes\"}")
                && !l.endsWith(" 0.0")), "events published per topic");
        assertEquals(1, events.size());
    }
}
