package org.resultsflow.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.resultsflow.catalog.repository.Claim;

/** Reads the JSON value of claims, and picks the winning claim per key. */
@ApplicationScoped
public class ClaimValues {

    private final ObjectMapper json;

    public ClaimValues(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(Claim claim, Class<T> type) {
        return read(claim, json.getTypeFactory().constructType(type));
    }

    public <T> T read(Claim claim, JavaType type) {
        try {
            return json.readValue(claim.value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim " + claim.id + " holds unreadable JSON", e);
        }
    }

    /** The type of a list of {@code element}s, to read a claim whose value is one. */
    public JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    public List<String> strings(Claim claim) {
        return read(claim, json.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    /** The value of the winning claim when it is known, else null. */
    public <T> T known(Claim claim, Class<T> type) {
        return claim == null || !claim.known ? null : read(claim, type);
    }

    /** The winning claim for each key, keys in sorted order so that the state never depends on arrival. */
    public static Map<String, Claim> bestPerKey(Collection<Claim> claims, Function<Claim, String> key) {
        Map<String, Claim> best = new TreeMap<>();
        claims.stream().collect(Collectors.groupingBy(key)).forEach((k, group) ->
                ClaimRanking.best(group).ifPresent(claim -> best.put(k, claim)));
        return best;
    }
}
