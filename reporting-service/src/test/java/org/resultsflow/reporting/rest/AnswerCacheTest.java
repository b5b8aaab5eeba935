package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private static AnswerCache.Answer answer(long generation, int bytes) {
        return new AnswerCache.Answer(generation, new byte[bytes], Map.of());
    }

    @Test
    void anAnswerIsServedOnlyAtTheGenerationItWasReadAt() {
        AnswerCache cache = new AnswerCache(1000, 100);
        cache.put("a", answer(7, 10));
        assertNotNull(cache.get("a", 7));
        assertNull(cache.get("a", 8));
        assertNull(cache.get("b", 7));
    }

    @Test
    void theLeastRecentlyUsedAnswersGoFirstWhenTheBytesRunOut() {
        AnswerCache cache = new AnswerCache(100, 60);
        cache.put("a", answer(1, 40));
        cache.put("b", answer(1, 40));
        cache.get("a", 1);
        cache.put("c", answer(1, 40));
        assertNotNull(cache.get("a", 1));
        assertNull(cache.get("b", 1));
        assertNotNull(cache.get("c", 1));
        assertEquals(80, cache.bytes());
    }

    @Test
    void anAnswerLargerThanTheLimitIsNotKeptAndAReplacedOneFreesItsBytes() {
        AnswerCache cache = new AnswerCache(100, 60);
        cache.put("big", answer(1, 61));
        assertNull(cache.get("big", 1));
        cache.put("a", answer(1, 50));
        cache.put("a", answer(2, 20));
        assertEquals(20, cache.bytes());
        assertEquals(1, cache.size());
    }

    @Test
    void ifNoneMatchMatchesTheTagAmongOthersWeakOrAny() {
        assertTrue(CachedAnswers.matches("\"1-x\", W/\"3-application.json\"", "\"3-application.json\""));
        assertTrue(CachedAnswers.matches("*", "\"3-application.json\""));
        assertFalse(CachedAnswers.matches("\"2-application.json\"", "\"3-application.json\""));
        assertFalse(CachedAnswers.matches(null, "\"3-application.json\""));
    }
}
