package org.resultsflow.reporting.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the bytes of an answer {@link CachedAnswers} marked, as they are written to the client. */
@Provider
@ReadModelAnswer
public class CachedAnswerWriter implements WriterInterceptor {

    private final AnswerCache cache;

    public CachedAnswerWriter(AnswerCache cache) {
        this.cache = cache;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(CachedAnswers.KEEP) == null) {
            context.proceed();
            return;
        }
        OutputStream client = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        context.setOutputStream(body);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(client);
        }
        byte[] bytes = body.toByteArray();
        client.write(bytes);
        Map<String, String> headers = new LinkedHashMap<>();
        context.getHeaders().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, String.valueOf(values.get(0)));
            }
        });
        headers.put(HttpHeaders.CONTENT_TYPE, context.getMediaType().toString());
        cache.put((String) context.getProperty(CachedAnswers.KEY),
                new AnswerCache.Answer((Long) context.getProperty(CachedAnswers.GENERATION), bytes, Map.copyOf(headers)));
    }
}
