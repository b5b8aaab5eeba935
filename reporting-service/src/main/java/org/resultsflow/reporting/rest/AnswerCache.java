package org.resultsflow.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of recent read-model answers, each under the read models' generation it was read at: a lookup at
 * another generation misses. Bounded by bytes (least recently used out first), so it fits the service's heap.
 */
@ApplicationScoped
public class AnswerCache {

    /** What is kept of an answer: its body and the headers that describe it. */
    public record Answer(long generation, byte[] body, Map<String, String> headers) {
    }

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final int maxBytes;
    private final int maxAnswerBytes;
    private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public AnswerCache() {
        this(MAX_BYTES, MAX_ANSWER_BYTES);
    }

    AnswerCache(int maxBytes, int maxAnswerBytes) {
        this.maxBytes = maxBytes;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** The answer kept under this key at this generation; null when none is. */
    public synchronized Answer get(String key, long generation) {
        Answer answer = answers.get(key);
        return answer != null && answer.generation() == generation ? answer : null;
    }

    /** Keeps an answer unless it is too large, replacing an older one of the same key. */
    public synchronized void put(String key, Answer answer) {
        if (answer.body().length > maxAnswerBytes) {
            return;
        }
        Answer old = answers.put(key, answer);
        bytes += answer.body().length - (old == null ? 0 : old.body().length);
        for (Iterator<Answer> eldest = answers.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            bytes -= eldest.next().body().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return answers.size();
    }
}
