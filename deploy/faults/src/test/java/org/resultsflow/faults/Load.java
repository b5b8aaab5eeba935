package org.resultsflow.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client posting documents one after the other while a fault happens, as a careful user would: an answer of
 * 503 or no answer at all (the service is down) means "post it again later", so it retries each document
 * until it is accepted. Every 503 must say why in the one error shape, and the document it refused must not
 * be registered.
 */
final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_FOR = Duration.ofMinutes(3);

    final List<Documents.Doc> docs;
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger unreachable = new AtomicInteger();
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final FaultStack stack;
    private final Thread thread;

    private Load(FaultStack stack, List<Documents.Doc> docs) {
        this.stack = stack;
        this.docs = List.copyOf(docs);
        this.thread = new Thread(this::run, "load");
    }

    static Load start(FaultStack stack, List<Documents.Doc> docs) {
        Load load = new Load(stack, docs);
        load.thread.start();
        return load;
    }

    private void run() {
        try {
            for (Documents.Doc doc : docs) {
                long deadline = System.nanoTime() + RETRY_FOR.toNanos();
                while (true) {
                    HttpResponse<String> response = stack.post(doc);
                    int status = response == null ? 0 : response.statusCode();
                    if (status == 200 || status == 201) {
                        accepted.incrementAndGet();
                        break;
                    }
                    if (status == 503) {
                        unavailable.incrementAndGet();
                        checkRefusal(doc, response.body());
                    } else if (status == 0) {
                        unreachable.incrementAndGet();
                    } else if (status < 500) {
                        violations.add("document " + doc.number() + " refused with " + status + ": " + response.body());
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        violations.add("document " + doc.number() + " still not accepted after " + RETRY_FOR.toMinutes()
                                + " min; last answer " + status);
                        break;
                    }
                    Thread.sleep(500);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // reported, not lost with the thread
            violations.add("the client failed: " + e);
        }
    }

    private void checkRefusal(Documents.Doc doc, String body) throws InterruptedException {
        try {
            JsonNode error = JSON.readTree(body);
            if (error.path("status").asInt() != 503 || error.path("message").asText().isBlank()) {
                violations.add("a 503 without the error shape: " + body);
            }
        } catch (IOException e) {
            violations.add("a 503 that is not JSON: " + body);
        }
        if (stack.status(stack.stack.ingestUrl("/api/documents/" + doc.id())) == 200) {
            violations.add("document " + doc.number() + " was refused with 503 yet registered");
        }
    }

    /** Waits until {@code count} documents were accepted (the fault then hits a stream already flowing). */
    void awaitAccepted(int count) throws InterruptedException {
        while (accepted.get() < count && thread.isAlive()) {
            Thread.sleep(100);
        }
    }

    List<String> finish() throws InterruptedException {
        thread.join(TimeUnit.MINUTES.toMillis(RETRY_FOR.toMinutes() + 1));
        List<String> all = new ArrayList<>(violations);
        if (thread.isAlive()) {
            thread.interrupt();
            all.add("the client was still posting");
        }
        return all;
    }
}
