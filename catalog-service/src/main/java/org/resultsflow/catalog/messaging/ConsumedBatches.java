package org.resultsflow.catalog.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.resultsflow.catalog.service.ChangeOrigin;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.TraceContext;
import org.resultsflow.contracts.wire.CloudEventRecords;

/**
 * What the consumer of the ingest topics reports about each batch: a span continuing the batch's traces,
 * whose context the outbox keeps for the relay, and the freshness of what it wrote (its events' ce_time,
 * the moment ingest published them, to the commit of their claims).
 */
@ApplicationScoped
public class ConsumedBatches {

    static final String CE_TIME = "ce_time";

    private final Tracer tracer;
    private final Timer freshness;

    public ConsumedBatches(Tracer tracer, MeterRegistry registry) {
        this.tracer = tracer;
        this.freshness = DomainMeters.freshness(registry);
    }

    /** A batch being applied: its span, and the origin its changes are written with. */
    public record Batch(Span span, ChangeOrigin origin) {

        public void end(Throwable failure) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    Batch start(String channel, ConsumerRecords<String, String> records) {
        List<Headers> headers = new ArrayList<>();
        records.forEach(record -> headers.add(record.headers()));
        Span span = TraceContext.startBatchSpan(tracer, channel + " apply", headers);
        Instant earliest = null;
        for (ConsumerRecord<String, String> record : records) {
            Instant time = DomainMeters.instant(CloudEventRecords.header(record, CE_TIME));
            earliest = time == null || (earliest != null && earliest.isBefore(time)) ? earliest : time;
        }
        return new Batch(span, new ChangeOrigin(TraceContext.traceparent(span.getSpanContext()), earliest));
    }

    void applied(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        records.forEach(record -> DomainMeters.recordSince(freshness, CloudEventRecords.header(record, CE_TIME), now));
    }
}
