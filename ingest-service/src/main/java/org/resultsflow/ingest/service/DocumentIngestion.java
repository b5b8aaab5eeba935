package org.resultsflow.ingest.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.ingest.mapping.ExtractionMapper;
import org.resultsflow.ingest.mapping.ReportedEvent;
import org.resultsflow.ingest.messaging.ResultsPublisher;
import org.resultsflow.ingest.parsing.DocumentParser;
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.repository.IngestedDocument;

/**
 * Takes a document from bytes to durable events: parse, publish (waiting for every acknowledgement),
 * then register. Registering last means a document is only reported as ingested once its events are
 * in Kafka; a crash in between is healed by posting the same bytes again, which republishes the same
 * event ids for the consumers to recognise.
 *
 * <p>Runs on a worker thread: parsing a PDF is blocking work.
 */
@ApplicationScoped
public class DocumentIngestion {

    private static final Logger LOG = Logger.getLogger(DocumentIngestion.class);

    private final DocumentParser parser;
    private final ResultsPublisher publisher;
    private final DocumentRegistry registry;
    private final Duration publishTimeout;

    public DocumentIngestion(
            DocumentParser parser,
            ResultsPublisher publisher,
            DocumentRegistry registry,
            @ConfigProperty(name = "resultsflow.ingest.publish-timeout", defaultValue = "60S") Duration publishTimeout) {
        this.parser = parser;
        this.publisher = publisher;
        this.registry = registry;
        this.publishTimeout = publishTimeout;
    }

    /** The result of a post: the registry entry, and whether this call created it. */
    public record Ingested(IngestedDocument document, boolean created) {
    }

    public Extraction preview(byte[] content, String mediaType) throws DocumentRejectedException {
        return parser.parse(content, mediaType);
    }

    public Ingested ingest(byte[] content, String mediaType, String name, LocalDate callerAsOf)
            throws DocumentRejectedException {
        String id = sha256(content);
        IngestedDocument known = await(() -> registry.find(id));
        if (known != null) {
            return new Ingested(known, false);
        }
        Extraction extraction = parser.parse(content, mediaType);
        SourceDocument source = ExtractionMapper.sourceDocument(id, name, mediaType, extraction, callerAsOf);
        List<ReportedEvent> events = ExtractionMapper.events(source, extraction);
        long started = System.nanoTime();
        try {
            publisher.publish(events).await().atMost(publishTimeout);
        } catch (RuntimeException e) {
            throw new PublishFailedException("events of document " + id + " were not all acknowledged", e);
        }
        LOG.infof("Published %d events of document %s (%s, %s) in %d ms", events.size(), id, name,
                extraction.layout(), (System.nanoTime() - started) / 1_000_000);

        IngestedDocument document = registryEntry(source, content.length, extraction, events.size());
        IngestedDocument registered;
        try {
            registered = await(() -> registry.register(document));
        } catch (RuntimeException e) {
            // Lost a race with a request for the same bytes: its row stands for both.
            registered = await(() -> registry.find(id));
            if (registered == null) {
                throw e;
            }
        }
        return new Ingested(registered, registered == document);
    }

    private static IngestedDocument registryEntry(
            SourceDocument source, long size, Extraction extraction, int eventCount) {
        IngestedDocument document = new IngestedDocument();
        document.id = source.id();
        document.name = source.name();
        document.mediaType = source.mediaType();
        document.sizeBytes = size;
        document.layout = source.layout();
        document.asOf = source.asOf();
        document.asOfBasis = source.asOfBasis().name();
        document.office = extraction.facts().office();
        document.planPeriod = extraction.facts().planPeriod();
        document.outcomeCount = extraction.outcomes().size();
        document.outputCount = extraction.outcomes().stream().mapToInt(o -> o.outputs().size()).sum();
        document.noteCount = extraction.outcomes().stream().mapToInt(o -> o.progressNotes().size()).sum();
        document.indicatorCount = extraction.indicators().size();
        document.observationCount = extraction.indicators().stream().map(Indicator::observations)
                .mapToInt(List::size).sum();
        document.budgetCount = extraction.budgets().size();
        document.eventCount = eventCount;
        document.warnings = extraction.warnings();
        document.receivedAt = Instant.now();
        return document;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Runs database work on a Vert.x context, as Hibernate Reactive requires, from this worker thread. */
    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}
