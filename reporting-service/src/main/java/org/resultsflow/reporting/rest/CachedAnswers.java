package org.resultsflow.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.resultsflow.reporting.store.ReadModelGeneration;

/**
 * Serves a GET of a {@link ReadModelAnswer} resource from the {@link AnswerCache} when the read models are still at
 * the generation the cached answer was read at, which one cheap query asks the database for each request: a change
 * committed by any instance is seen by the next request of every instance, never served stale. The answer's ETag
 * names its generation and representation, so a client holding it gets 304 Not Modified.
 *
 * <p>A miss reads the generation before the resource reads the read models: a change committed in between makes
 * the kept answer newer than its generation says, so it is never served (the generation has moved on), never the
 * other way round.
 */
public class CachedAnswers {

    static final String GENERATION = "resultsflow.answer.generation";
    static final String KEY = "resultsflow.answer.key";
    static final String HIT = "resultsflow.answer.hit";
    static final String KEEP = "resultsflow.answer.keep";

    private final AnswerCache cache;
    private final ReadModelGeneration generation;

    public CachedAnswers(AnswerCache cache, ReadModelGeneration generation) {
        this.cache = cache;
        this.generation = generation;
    }

    @ServerRequestFilter
    public Uni<Response> fromCache(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!HttpMethod.GET.equals(request.getMethod()) || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(ReadModelAnswer.class)) {
            return Uni.createFrom().nullItem();
        }
        String key = key(request);
        return generation.current().map(current -> {
            request.setProperty(GENERATION, current);
            request.setProperty(KEY, key);
            AnswerCache.Answer answer = cache.get(key, current);
            if (answer == null) {
                return null;
            }
            request.setProperty(HIT, true);
            String tag = answer.headers().get(HttpHeaders.ETAG);
            if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
                return Response.notModified().header(HttpHeaders.ETAG, tag).build();
            }
            Response.ResponseBuilder ok = Response.ok(answer.body());
            answer.headers().forEach(ok::header);
            return ok.build();
        }).onFailure().recoverWithNull(); // no generation, no cache: the resource answers, or says why it cannot
    }

    /** Tags a fresh 200 answer with its generation and marks it to be kept as it is written. */
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object read = request.getProperty(GENERATION);
        MediaType type = response.getMediaType();
        if (read == null || request.getProperty(HIT) != null || response.getStatus() != 200 || !response.hasEntity()
                || type == null) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag((Long) read, type));
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        request.setProperty(KEEP, true);
    }

    /** The request as the cache tells answers apart: path, query and the representations it accepts. */
    static String key(ContainerRequestContext request) {
        var uri = request.getUriInfo().getRequestUri();
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return uri.getRawPath() + '?' + (uri.getRawQuery() == null ? "" : uri.getRawQuery()) + '\n'
                + (accept == null ? "" : accept);
    }

    static String tag(long generation, MediaType type) {
        return "\"" + generation + "-" + type.getType() + "." + type.getSubtype() + "\"";
    }

    /** If-None-Match holds the tag, or is {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || tag == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(tag));
    }
}
