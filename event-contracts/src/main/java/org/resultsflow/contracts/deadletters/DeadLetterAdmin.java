package org.resultsflow.contracts.deadletters;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.contracts.wire.BatchConsumer;

/**
 * What the dead-letter endpoints of a service answer ({@link DeadLetterApi}), whatever its HTTP stack and its
 * database: each service's resource only carries the annotations and turns an {@link Answer} into its response.
 */
public final class DeadLetterAdmin {

    /** One page of dead letters and how many match over all pages (the X-Total-Count header). */
    public record Listed(List<DeadLetter> letters, long total) {
    }

    /** An HTTP status and its body: a {@link ReplayReport}, or the {@link ApiError} of a refusal. */
    public record Answer(int status, Object body) {
    }

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    /**
     * @param consumers the service's consumers; each is named after its channel
     * @param topicsOfChannel the topics a channel reads (the service's messaging configuration)
     */
    public DeadLetterAdmin(DeadLetterStore store, List<BatchConsumer<?>> consumers,
            Function<String, List<String>> topicsOfChannel) {
        this.store = store;
        Map<String, BatchConsumer<?>> byTopic = new HashMap<>();
        consumers.forEach(c -> topicsOfChannel.apply(c.name()).forEach(topic -> byTopic.put(topic, c)));
        this.replay = new DeadLetterReplay(store, byTopic);
    }

    /**
     * @param state {@code pending}, {@code replayed}, or null for both (the resource validates it)
     * @param on where each query runs, one after the other (the request's context)
     */
    public CompletionStage<Listed> list(String topic, String state, int page, int size, Executor on) {
        DeadLetterStore.Filter filter = new DeadLetterStore.Filter(topic == null || topic.isBlank() ? null : topic.trim(),
                state == null || state.isBlank() ? null : DeadLetter.State.valueOf(state.trim().toUpperCase(Locale.ROOT)));
        return DeadLetterReplay.step(on, () -> store.list(filter, page, size))
                .thenCompose(letters -> DeadLetterReplay.step(on, () -> store.count(filter))
                        .thenApply(total -> new Listed(letters, total)));
    }

    /**
     * @param request null (no body) for every pending one
     * @param on where each step runs (the request's context, which the service's transactions need)
     */
    public CompletionStage<Answer> replay(ReplayRequest request, Executor on) {
        ReplayRequest asked = request == null ? ReplayRequest.ALL : request;
        var problem = replay.problem(asked);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(new Answer(400, ApiError.of(400, problem.get())));
        }
        return replay.replay(asked, on).thenApply(report -> report.stopped() == null ? new Answer(200, report)
                : new Answer(503, ApiError.of(503, DeadLetterApi.STOPPED + " (" + report.applied().size() + " of "
                        + report.taken() + " applied before): " + report.stopped())));
    }
}
