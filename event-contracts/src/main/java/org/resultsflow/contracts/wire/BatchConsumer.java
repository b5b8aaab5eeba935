package org.resultsflow.contracts.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.wire.Redelivery.Decision;

/**
 * The one way a consumer takes a batch of records off a topic, whatever it applies them to:
 *
 * <ol>
 *   <li>each record is decoded ({@link EventDecoder}); poison is set aside after the events are applied;</li>
 *   <li>the events are applied in one go; if that fails because a record is bad ({@link Redelivery}), they
 *       are applied one by one, in order, and each one that is bad alone is set aside;</li>
 *   <li>any other failure (database or broker away, timeout, the unforeseen) retries the same batch after a
 *       backoff of 100 ms doubling to 30 s, in the process, for as long as it takes: the batch does not
 *       complete meanwhile, so no offset is committed past it and the partition keeps its order, and
 *       {@link #notReady()} says why. Events applied before the failure are recognised by their ids.</li>
 * </ol>
 *
 * Plain {@link CompletionStage}s, so that each service adapts it to its own reactive stack.
 */
public final class BatchConsumer<T> {

    /** How events are applied. */
    @FunctionalInterface
    public interface Apply<T> {

        /** Applies the events in one transaction, together with their ids, so a second apply changes nothing. */
        CompletionStage<?> apply(List<ReceivedEvent<T>> events);
    }

    /**
     * Where the events go (those of a replayed record, and those of a batch unless
     * {@link #consume(Iterable, Executor, Apply)} is given its own) and where the bad records are set aside.
     */
    public interface Sink<T> extends Apply<T> {

        /** Sets the record aside with the reason, idempotently (the same record may be set aside twice). */
        CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason);
    }

    /** The outcome of sending one set-aside record through again. */
    public record Replayed(boolean applied, String reason) {
    }

    private static final System.Logger LOG = System.getLogger(BatchConsumer.class.getName());

    private final String name;
    private final EventDecoder<T> decoder;
    private final Redelivery redelivery;
    private final Sink<T> sink;
    /** Why each batch being retried is waiting, by batch: a channel may take several batches at once. */
    private final Map<Object, String> retrying = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public BatchConsumer(String name, EventDecoder<T> decoder, Redelivery redelivery, Sink<T> sink) {
        this.name = name;
        this.decoder = decoder;
        this.redelivery = redelivery;
        this.sink = sink;
    }

    public String name() {
        return name;
    }

    /** Why the consumer is waiting to retry a batch; empty while it keeps up. */
    public Optional<String> notReady() {
        return retrying.values().stream().findFirst();
    }

    /** Pending retries end (failed) instead of waiting on: the service is stopping. */
    public void stop() {
        stopped = true;
    }

    /**
     * Consumes a batch; completes once every record is applied or set aside.
     *
     * @param resume where a retry runs (the caller's own context, which its transactions need)
     */
    public CompletionStage<Void> consume(Iterable<ConsumerRecord<String, String>> records, Executor resume) {
        return consume(records, resume, sink);
    }

    /**
     * Consumes a batch as {@link #consume(Iterable, Executor)} does, its events applied by {@code apply}: a channel
     * that takes several batches at once gives each its own, which knows its batch (e.g. the trace its writes carry).
     */
    public CompletionStage<Void> consume(Iterable<ConsumerRecord<String, String>> records, Executor resume,
            Apply<T> apply) {
        List<Decoded<T>> decoded = new ArrayList<>();
        records.forEach(record -> decoded.add(decoder.decode(record)));
        return attempt(decoded, apply, new Object(), 1, resume);
    }

    /** Sends a set-aside record through the same decoding and apply again, once, without retrying. */
    public CompletionStage<Replayed> replay(ConsumerRecord<String, String> record) {
        Decoded<T> decoded = decoder.decode(record);
        if (decoded instanceof Decoded.Poison<T> poison) {
            return CompletableFuture.completedFuture(new Replayed(false, poison.reason()));
        }
        if (!(decoded instanceof Decoded.Event<T> event)) {
            return CompletableFuture.completedFuture(new Replayed(true, null));
        }
        return sink.apply(List.of(event.event())).handle((ignored, failure) -> {
            if (failure == null) {
                return new Replayed(true, null);
            }
            if (redelivery.decide(unwrap(failure)) == Decision.DEAD_LETTER) {
                return new Replayed(false, reason(unwrap(failure)));
            }
            throw new CompletionException(unwrap(failure));
        });
    }

    private CompletionStage<Void> setAside(ConsumerRecord<String, String> record, String reason) {
        LOG.log(System.Logger.Level.WARNING, "Consumer {0} sets aside {1}-{2}@{3}: {4}", name, record.topic(),
                Integer.toString(record.partition()), Long.toString(record.offset()), reason);
        return sink.setAside(record, reason).thenApply(ignored -> (Void) null);
    }

    private CompletionStage<Void> attempt(List<Decoded<T>> decoded, Apply<T> apply, Object batch, int attempt,
            Executor resume) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        once(decoded, apply).whenComplete((ignored, failure) -> {
            if (failure == null) {
                if (retrying.remove(batch) != null) {
                    LOG.log(System.Logger.Level.INFO, "Consumer {0} applied the batch it was retrying", name);
                }
                done.complete(null);
                return;
            }
            Throwable cause = unwrap(failure);
            if (stopped) {
                retrying.remove(batch);
                done.completeExceptionally(cause);
                return;
            }
            Duration wait = Redelivery.backoff(attempt);
            String why = "retrying a batch of " + decoded.size() + " records (attempt " + attempt + ", next in "
                    + wait.toMillis() + " ms): " + cause;
            retrying.put(batch, why);
            LOG.log(System.Logger.Level.WARNING, "Consumer {0} is {1}", name, why);
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, resume)
                    .execute(() -> attempt(decoded, apply, batch, attempt + 1, resume).whenComplete((v, f) -> {
                        if (f == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(f);
                        }
                    }));
        });
        return done;
    }

    private CompletionStage<Void> once(List<Decoded<T>> decoded, Apply<T> apply) {
        List<Decoded.Event<T>> events = new ArrayList<>();
        List<Decoded.Poison<T>> poison = new ArrayList<>();
        for (Decoded<T> d : decoded) {
            if (d instanceof Decoded.Event<T> e) {
                events.add(e);
            } else if (d instanceof Decoded.Poison<T> p) {
                poison.add(p);
            }
        }
        CompletionStage<Void> applied = events.isEmpty() ? CompletableFuture.completedFuture(null)
                : apply.apply(events.stream().map(Decoded.Event::event).toList()).thenApply(ignored -> (Void) null)
                        .exceptionallyCompose(failure -> {
                            Throwable cause = unwrap(failure);
                            if (redelivery.decide(cause) == Decision.RETRY) {
                                return CompletableFuture.failedFuture(cause);
                            }
                            LOG.log(System.Logger.Level.WARNING, "Consumer {0}: a batch of {1} events failed ({2}); "
                                    + "applying them one by one", name, events.size(), cause.toString());
                            return oneByOne(events, apply);
                        });
        return applied.thenCompose(ignored -> {
            CompletionStage<Void> aside = CompletableFuture.completedFuture(null);
            for (Decoded.Poison<T> p : poison) {
                aside = aside.thenCompose(v -> setAside(p.record(), p.reason()));
            }
            return aside;
        });
    }

    private CompletionStage<Void> oneByOne(List<Decoded.Event<T>> events, Apply<T> apply) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Decoded.Event<T> event : events) {
            chain = chain.thenCompose(v -> apply.apply(List.of(event.event())).thenApply(x -> (Void) null)
                    .exceptionallyCompose(failure -> {
                        Throwable cause = unwrap(failure);
                        return redelivery.decide(cause) == Decision.DEAD_LETTER
                                ? setAside(event.record(), reason(cause))
                                : CompletableFuture.failedFuture(cause);
                    }));
        }
        return chain;
    }

    private static String reason(Throwable failure) {
        return EventDecoder.cut("not applicable: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
