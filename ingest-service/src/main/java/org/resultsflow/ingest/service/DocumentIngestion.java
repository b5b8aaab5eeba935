package org.resultsflow.ingest.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Reactive end to end, like the registry and the publisher it composes; only parsing, which is blocking,
 * leaves the event loop for a worker thread.
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
    /** Documents being ingested right now, by id: a second post of the same bytes shares the first's result. */
    private final ConcurrentHashMap<String, Uni<Ingested>> inFlight = new ConcurrentHashMap<>();

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
    public Uni<Extraction> preview(byte[] content, String mediaType, String outcomeHint, PageAddress address) {
        return parse(content, mediaType, address).chain(extraction -> identify(extraction, outcomeHint)
                .onFailure(OutcomeNotIdentifiedException.class).recoverWithItem(extraction));
    }

    /**
     * @param outcomeHint the outcome a page is about when the page does not show it (id or code), or null
     * @param address the page's address, when the caller gave it
     */
    public Uni<Ingested> ingest(byte[] content, String mediaType, String name, LocalDate callerAsOf, String outcomeHint,
            PageAddress address) {
        String id = sha256(content);
        // Sixteen clients posting the same bytes at once make one ingestion and one set of events, not sixteen:
        // the first runs it, the others are answered from its result as "already ingested".
        AtomicBoolean first = new AtomicBoolean();
        Uni<Ingested> running = inFlight.computeIfAbsent(id, k -> {
            first.set(true);
            return ingestAlone(id, content, mediaType, name, callerAsOf, outcomeHint, address)
                    .onTermination().invoke(() -> inFlight.remove(k))
                    .memoize().indefinitely();
        });
        return first.get() ? running : running.map(done -> new Ingested(done.document(), false));
    }

    private Uni<Ingested> ingestAlone(String id, byte[] content, String mediaType, String name, LocalDate callerAsOf,
            String outcomeHint, PageAddress address) {
        return registry.find(id).chain(known -> {
            if (known != null) {
                metrics.document(known.layout, IngestMetrics.Outcome.ALREADY_INGESTED);
                return Uni.createFrom().item(new Ingested(known, false));
            }
            return parse(content, mediaType, address)
                    .onFailure(DocumentRejectedException.class)
                    .invoke(() -> metrics.document(null, IngestMetrics.Outcome.REJECTED))
                    .chain(parsed -> identify(parsed, outcomeHint)
                            .onFailure(OutcomeNotIdentifiedException.class)
                            .invoke(() -> metrics.document(parsed.layout().name(), IngestMetrics.Outcome.UNIDENTIFIED)))
                    .chain(extraction -> publishAndRegister(id, content.length, name, mediaType, callerAsOf, extraction));
        });
    }

    private Uni<Ingested> publishAndRegister(String id, long size, String name, String mediaType, LocalDate callerAsOf,
            Extraction extraction) {
        SourceDocument source = ExtractionMapper.sourceDocument(id, name, mediaType, extraction, callerAsOf);
        List<ReportedEvent> events = ExtractionMapper.events(source, extraction);
        long started = System.nanoTime();
        return publisher.publish(events)
                .ifNoItem().after(publishTimeout).fail()
                .onFailure().transform(e -> {
                    metrics.document(source.layout(), IngestMetrics.Outcome.PUBLISH_FAILED);
                    return new PublishFailedException("events of document " + id + " were not all acknowledged", e);
                })
                .chain(() -> {
                    LOG.infof("Published %d events of document %s (%s, %s) in %d ms", events.size(), id, name,
                            extraction.layout(), (System.nanoTime() - started) / 1_000_000);
                    if (haltAfterPublish) {
                        LOG.warnf("Halting after publishing document %s, before registering it (fault injection)", id);
                        Runtime.getRuntime().halt(137);
                    }
                    IngestedDocument document = registryEntry(source, size, extraction, events.size());
                    return registry.register(document, knownOutcomes(extraction, id))
                            // Lost a race with another instance posting the same bytes: its row stands for both.
                            .onFailure().recoverWithUni(e -> registry.find(id).onItem().ifNull().failWith(e))
                            .map(registered -> {
                                boolean created = registered == document;
                                metrics.document(source.layout(), created ? IngestMetrics.Outcome.PUBLISHED
                                        : IngestMetrics.Outcome.ALREADY_INGESTED);
                                return new Ingested(registered, created);
                            });
                });
    }

    /**
     * Parsing is blocking work (PDF above all): it runs on a worker thread, and the result comes back on the
     * request's Vert.x context, where the reactive registry is reached.
     */
    private Uni<Extraction> parse(byte[] content, String mediaType, PageAddress address) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("documents are ingested on a Vert.x context (an HTTP request)");
        }
        return Uni.createFrom().completionStage(() -> context
                .executeBlocking(() -> parser.parse(content, mediaType, address), false).toCompletionStage());
    }

    /**
     * Gives the records of a page that does not show its outcome their outcome: the one the caller names,
     * else the one known outcome with the same normalised statement.
     */
    Uni<Extraction> identify(Extraction extraction, String outcomeHint) {
        List<Outcome> unidentified = OutcomeAssignment.unidentified(extraction);
        if (unidentified.isEmpty()) {
            return Uni.createFrom().item(extraction);
        }
        if (outcomeHint != null && !outcomeHint.isBlank()) {
            return Uni.createFrom().item(() -> {
                String outcomeId = OutcomeAssignment.outcomeId(outcomeHint).orElseThrow(() -> new OutcomeNotIdentifiedException(
                        "'" + outcomeHint + "' is not an outcome id (XM-DAC-41146-MEX_D_4.1) or code (MEX_D_4.1)"));
                return withWarning(OutcomeAssignment.assign(extraction, outcomeId),
                        "the page does not show its outcome; " + outcomeId + " as the caller said");
            });
        }
        String statement = unidentified.get(0).statement();
        Uni<List<String>> known = statement == null ? Uni.createFrom().item(List.of())
                : registry.outcomesWithStatement(NormalisedStatement.of(statement));
        return known.map(candidates -> {
            if (unidentified.size() != 1 || candidates.size() != 1) {
                throw new OutcomeNotIdentifiedException("The document does not show which outcome it is about"
                        + (candidates.size() > 1 ? ", and " + candidates.size() + " known outcomes have its statement"
                                : ", and no document ingested so far shows an outcome with its statement")
                        + ". Post it again with the page's address (source=<URL of the page>) or with"
                        + " outcome=<outcome id or code>.");
            }
            return withWarning(OutcomeAssignment.assign(extraction, candidates.get(0)), "the page does not show its outcome; "
                    + candidates.get(0) + " is the one known outcome with the same statement");
        });
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
}
