package org.resultsflow.contracts.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.resultsflow.contracts.wire.BatchConsumer;

/**
 * Sends dead letters through the consumer of their topic again ({@link BatchConsumer#replay}: the same decoding
 * and apply as the live records), one at a time in the order they were set aside, and records the outcome: applied
 * ones are marked replayed, refused ones stay pending with the new reason. Replaying is idempotent because applying
 * is: a consumer stores the ids of the events it applied, so a record replayed twice, or replayed while the live
 * consumer reads the same event again, has its effect once. A failure that is not the record's (the database away)
 * stops the replay where it is; what was done stays done.
 */
public final class DeadLetterReplay {

    private static final System.Logger LOG = System.getLogger(DeadLetterReplay.class.getName());

    private final DeadLetterStore store;
    private final Map<String, BatchConsumer<?>> consumers;

    /** @param consumers the service's consumers by the topic each reads */
    public DeadLetterReplay(DeadLetterStore store, Map<String, BatchConsumer<?>> consumers) {
        this.store = store;
        this.consumers = Map.copyOf(consumers);
    }

    /** What makes the request unanswerable here, for the 400 answer; empty when it is fine. */
    public Optional<String> problem(ReplayRequest request) {
        Optional<String> problem = request.problem();
        if (problem.isEmpty() && request.topic() != null && !consumers.containsKey(request.topic())) {
            return Optional.of("No consumer of topic '" + request.topic() + "' here; the topics are "
                    + String.join(", ", consumers.keySet().stream().sorted().toList()));
        }
        return problem;
    }

    /**
     * Replays what the request names.
     *
     * @param on where each step runs (the caller's context, which its transactions need)
     */
    public CompletionStage<ReplayReport> replay(ReplayRequest request, Executor on) {
        DeadLetterStore.Filter left = new DeadLetterStore.Filter(request.topic(), DeadLetter.State.PENDING);
        CompletionStage<List<DeadLetter>> taken = step(on, () -> request.ids() != null ? store.find(request.ids())
                : store.list(left, 0, ReplayRequest.MAX));
        return taken.thenCompose(letters -> {
            Progress progress = new Progress(letters.size());
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (DeadLetter letter : letters) {
                chain = chain.thenCompose(v -> progress.stopped != null ? CompletableFuture.completedFuture(null)
                        : step(on, () -> replayOne(letter, progress)));
            }
            return chain.thenCompose(v -> step(on, () -> store.count(left)))
                    .thenApply(pending -> new ReplayReport(progress.taken, progress.applied, progress.refused, pending,
                            progress.stopped));
        });
    }

    private CompletionStage<Void> replayOne(DeadLetter letter, Progress progress) {
        BatchConsumer<?> consumer = consumers.get(letter.topic());
        if (consumer == null) {
            progress.refused.add(new ReplayReport.Refused(letter.id(), "no consumer of topic " + letter.topic() + " here"));
            return CompletableFuture.completedFuture(null);
        }
        return consumer.replay(letter.record())
                .thenCompose(replayed -> {
                    if (replayed.applied()) {
                        progress.applied.add(letter.id());
                        return store.replayed(letter.id(), Instant.now());
                    }
                    progress.refused.add(new ReplayReport.Refused(letter.id(), replayed.reason()));
                    return store.refusedAgain(letter.id(), replayed.reason());
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    LOG.log(System.Logger.Level.WARNING, "Replay of dead letter {0} stopped: {1}",
                            Long.toString(letter.id()), cause.toString());
                    progress.stopped = "dead letter " + letter.id() + " could not be replayed now: " + cause;
                    return null;
                });
    }

    /** Runs {@code work} on {@code on} and completes with it. */
    static <T> CompletionStage<T> step(Executor on, Supplier<CompletionStage<T>> work) {
        return CompletableFuture.supplyAsync(work, on).thenCompose(stage -> stage);
    }

    /** The outcome so far; steps run one after another, so plain fields do. */
    private static final class Progress {
        final int taken;
        final List<Long> applied = new ArrayList<>();
        final List<ReplayReport.Refused> refused = new ArrayList<>();
        volatile String stopped;

        Progress(int taken) {
            this.taken = taken;
        }
    }
}
