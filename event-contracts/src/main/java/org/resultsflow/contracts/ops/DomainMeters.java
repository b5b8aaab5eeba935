package org.resultsflow.contracts.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The meters of {@link DomainMetric}, built one way wherever a service registers them. */
public final class DomainMeters {

    /**
     * Kafka header of a catalog.changes record: when the earliest document behind the change was ingested
     * (ISO-8601 instant), for the freshness of the read models downstream. Operational, not part of the event.
     */
    public static final String INGESTED_AT_HEADER = "resultsflow-ingested-at";

    private DomainMeters() {
    }

    public static Counter counter(MeterRegistry registry, DomainMetric metric, String... tags) {
        if (metric.kind() != DomainMetric.Kind.COUNTER || tags.length != 2 * metric.tags().size()) {
            throw new IllegalArgumentException(metric + " is not a counter with tags " + metric.tags());
        }
        return Counter.builder(metric.metricName()).description(metric.description()).tags(tags).register(registry);
    }

    /**
     * {@link DomainMetric#READ_MODEL_FRESHNESS}, as a histogram from 10 ms to an hour, so that dashboards can
     * show quantiles across instances.
     */
    public static Timer freshness(MeterRegistry registry) {
        return Timer.builder(DomainMetric.READ_MODEL_FRESHNESS.metricName())
                .description(DomainMetric.READ_MODEL_FRESHNESS.description())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Records the time since {@code ingestedAt} (as ce_time carries it); ignores a missing or malformed value. */
    public static void recordSince(Timer freshness, String ingestedAt, Instant now) {
        Instant from = instant(ingestedAt);
        if (from != null) {
            Duration age = Duration.between(from, now);
            freshness.record(age.isNegative() ? Duration.ZERO : age);
        }
    }

    /**
     * An ISO-8601 date-time with an offset (ce_time, as SmallRye writes it from a ZonedDateTime, or an
     * instant); null for null or any other form: an event from a producer that writes no such time has no
     * freshness to measure.
     */
    public static Instant instant(String time) {
        try {
            return time == null ? null : DateTimeFormatter.ISO_DATE_TIME.parse(time, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
