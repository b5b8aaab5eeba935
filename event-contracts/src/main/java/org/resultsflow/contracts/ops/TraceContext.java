package org.resultsflow.contracts.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context ({@code traceparent}) as Kafka headers carry it and as the catalog outbox stores it, so
 * that a consumer working on a batch, or a relay publishing later, continues the trace the event came with.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }

    /** The context the headers carry; the root context when they carry none. */
    public static Context fromHeaders(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
    }

    /** The context a stored {@code traceparent} names; the root context for null or a malformed value. */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** The span contexts of the headers of a batch that carry one, each once, in order. */
    public static List<SpanContext> spanContexts(List<Headers> batch) {
        return batch.stream().map(h -> Span.fromContext(fromHeaders(h)).getSpanContext())
                .filter(SpanContext::isValid).distinct().toList();
    }

    /**
     * A span for work on a batch of records: a child of the first record's trace, linked to the others', so
     * that the trace of a document continues through a consumer that takes its events in batches.
     */
    public static Span startBatchSpan(Tracer tracer, String name, List<Headers> batch) {
        List<SpanContext> contexts = spanContexts(batch);
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.batch.message_count", (long) batch.size());
        if (contexts.isEmpty()) {
            span.setNoParent();
        } else {
            span.setParent(Context.root().with(Span.wrap(contexts.get(0))));
            contexts.stream().skip(1).forEach(span::addLink);
        }
        return span.startSpan();
    }

    /** {@code traceparent} of a span context (version 00), or null for an invalid one. */
    public static String traceparent(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
