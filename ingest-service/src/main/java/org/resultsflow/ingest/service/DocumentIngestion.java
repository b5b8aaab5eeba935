package org.resultsflow.ingest.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.ingest.mapping.ExtractionMapper;
import org.resultsflow.ingest.mapping.ReportedEvent;
import org.resultsflow.ingest.messaging.ResultsPublisher;
import org.resultsflow.ingest.parsing.DocumentParser;
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.OutcomeAssignment;
import org.resultsflow.ingest.parsing.PageAddress;
import org.resultsflow.ingest.parsing.ParseWarning;
import org.resultsflow.ingest.parsing.Statements;
import org.resultsflow.ingest.repository.IngestedDocument;
import org.resultsflow.ingest.repository.KnownOutcome;

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
    private final IngestMetrics metrics;
    private final boolean haltAfterPublish;
    /** Documents being ingested right now, by id: a second post of the same bytes waits for the first. */
    private final ConcurrentHashMap<String, Object> inFlight = new ConcurrentHashMap<>();

    /**
     * @param haltAfterPublish fault injection, off by default: the process halts (as under kill -9) right after
     *     Kafka acknowledged a document's events and before its registry row is written, so the fault suite can
     *     prove that posting the same bytes again heals the gap. Never set in production.
     */
    public DocumentIngestion(
            DocumentParser parser,
            ResultsPublisher publisher,
            DocumentRegistry registry,
            @ConfigProperty(name = "resultsflow.ingest.publish-timeout", defaultValue = "60S") Duration publishTimeout,
            IngestMetrics metrics,
            @ConfigProperty(name = "resultsflow.ingest.fault.halt-after-publish", defaultValue = "false")
            boolean haltAfterPublish) {
        this.parser = parser;
        this.publisher = publisher;
        this.registry = registry;
        this.publishTimeout = publishTimeout;
        this.metrics = metrics;
        this.haltAfterPublish = haltAfterPublish;
    }

    /** The result of a post: the registry entry, and whether this call created it. */
    public record Ingested(IngestedDocument document, boolean created) {
    }

    /** The extraction, identified as far as it can be; nothing is stored or published. */
    public Extraction preview(byte[] content, String mediaType, String outcomeHint, PageAddress address)
            throws DocumentRejectedException {
        Extraction extraction = parser.parse(content, mediaType, address);
        try {
            return identify(extraction, outcomeHint);
        } catch (OutcomeNotIdentifiedException e) {
            return extraction;
        }
    }

    /**
     * @param outcomeHint the outcome a page is about when the page does not show it (id or code), or null
     * @param address the page's address, when the caller gave it
     */
    public Ingested ingest(byte[] content, String mediaType, String name, LocalDate callerAsOf, String outcomeHint,
            PageAddress address) throws DocumentRejectedException {
        String id = sha256(content);
        // Sixteen clients posting the same bytes at once make one ingestion and one set of events, not sixteen.
        Object lock = inFlight.computeIfAbsent(id, k -> new Object());
        synchronized (lock) {
            try {
                return ingestAlone(id, content, mediaType, name, callerAsOf, outcomeHint, address);
            } finally {
                inFlight.remove(id, lock);
            }
        }
    }

    private Ingested ingestAlone(String id, byte[] content, String mediaType, String name, LocalDate callerAsOf,
            String outcomeHint, PageAddress address) throws DocumentRejectedException {
        IngestedDocument known = await(() -> registry.find(id));
        if (known != null) {
            metrics.document(known.layout, IngestMetrics.Outcome.ALREADY_INGESTED);
            return new Ingested(known, false);
        }
        Extraction parsed;
        try {
            parsed = parser.parse(content, mediaType, address);
        } catch (DocumentRejectedException e) {
            metrics.document(null, IngestMetrics.Outcome.REJECTED);
            throw e;
        }
        Extraction extraction;
        try {
            extraction = identify(parsed, outcomeHint);
        } catch (OutcomeNotIdentifiedException e) {
            metrics.document(parsed.layout().name(), IngestMetrics.Outcome.UNIDENTIFIED);
            throw e;
        }
        SourceDocument source = ExtractionMapper.sourceDocument(id, name, mediaType, extraction, callerAsOf);
        List<ReportedEvent> events = ExtractionMapper.events(source, extraction);
        long started = System.nanoTime();
        try {
            publisher.publish(events).await().atMost(publishTimeout);
        } catch (RuntimeException e) {
            metrics.document(source.layout(), IngestMetrics.Outcome.PUBLISH_FAILED);
            throw new PublishFailedException("events of document " + id + " were not all acknowledged", e);
        }
        LOG.infof("Published %d events of document %s (%s, %s) in %d ms", events.size(), id, name,
                extraction.layout(), (System.nanoTime() - started) / 1_000_000);
        if (haltAfterPublish) {
            LOG.warnf("Halting after publishing document %s, before registering it (fault injection)", id);
            Runtime.getRuntime().halt(137);
        }

        IngestedDocument document = registryEntry(source, content.length, extraction, events.size());
        List<KnownOutcome> outcomes = knownOutcomes(extraction, id);
        IngestedDocument registered;
        try {
            registered = await(() -> registry.register(document, outcomes));
        } catch (RuntimeException e) {
            // Lost a race with a request for the same bytes: its row stands for both.
            registered = await(() -> registry.find(id));
            if (registered == null) {
                throw e;
            }
        }
        metrics.document(source.layout(), registered == document ? IngestMetrics.Outcome.PUBLISHED
                : IngestMetrics.Outcome.ALREADY_INGESTED);
        return new Ingested(registered, registered == document);
    }

    /**
     * Gives the records of a page that does not show its outcome their outcome: the one the caller names,
     * else the one known outcome with the same normalised statement.
     */
    Extraction identify(Extraction extraction, String outcomeHint) {
        List<Outcome> unidentified = OutcomeAssignment.unidentified(extraction);
        if (unidentified.isEmpty()) {
            return extraction;
        }
        if (outcomeHint != null && !outcomeHint.isBlank()) {
            String outcomeId = OutcomeAssignment.outcomeId(outcomeHint).orElseThrow(() -> new OutcomeNotIdentifiedException(
                    "'" + outcomeHint + "' is not an outcome id (XM-DAC-41146-MEX_D_4.1) or code (MEX_D_4.1)"));
            return withWarning(OutcomeAssignment.assign(extraction, outcomeId),
                    "the page does not show its outcome; " + outcomeId + " as the caller said");
        }
        String statement = unidentified.get(0).statement();
        List<String> candidates = statement == null ? List.of()
                : await(() -> registry.outcomesWithStatement(NormalisedStatement.of(statement)));
        if (unidentified.size() != 1 || candidates.size() != 1) {
            throw new OutcomeNotIdentifiedException("The document does not show which outcome it is about"
                    + (candidates.size() > 1 ? ", and " + candidates.size() + " known outcomes have its statement"
                            : ", and no document ingested so far shows an outcome with its statement")
                    + ". Post it again with the page's address (source=<URL of the page>) or with"
                    + " outcome=<outcome id or code>.");
        }
        return withWarning(OutcomeAssignment.assign(extraction, candidates.get(0)), "the page does not show its outcome; "
                + candidates.get(0) + " is the one known outcome with the same statement");
    }

    private static Extraction withWarning(Extraction extraction, String message) {
        List<ParseWarning> warnings = new ArrayList<>(extraction.warnings());
        warnings.add(new ParseWarning(1, message));
        return new Extraction(extraction.layout(), extraction.facts(), extraction.outcomes(), extraction.indicators(),
                extraction.budgets(), warnings);
    }

    /** The outcomes this document identifies by id and statement, for pages that show only the statement. */
    private static List<KnownOutcome> knownOutcomes(Extraction extraction, String documentId) {
        Instant now = Instant.now();
        return extraction.outcomes().stream().filter(o -> o.id() != null && o.statement() != null).map(o -> {
            KnownOutcome known = new KnownOutcome();
            known.id = o.id();
            known.normalisedStatement = NormalisedStatement.of(o.statement());
            known.documentId = documentId;
            known.seenAt = now;
            return known;
        }).toList();
    }

    private static IngestedDocument registryEntry(
            SourceDocument source, long size, Extraction extraction, int eventCount) {
        IngestedDocument document = new IngestedDocument();
        document.id = source.id();
        document.name = source.name();
        document.source = source.source();
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
