package org.resultsflow.reporting.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.reporting.repository.ProcessedEvent;
import org.resultsflow.reporting.repository.ProcessedEventRepository;
import org.resultsflow.reporting.repository.ProgressNoteRepository;
import org.resultsflow.reporting.repository.ReportOutcome;
import org.resultsflow.reporting.repository.ReportOutcomeRepository;
import org.resultsflow.reporting.repository.ReportProgressNote;

/**
 * Applies a batch of catalog changes to the read models in one transaction, with the ids of the events:
 * a redelivered event changes nothing, and a change older than the one already applied is ignored.
 */
@ApplicationScoped
public class ReadModelUpdater {

    private final ProcessedEventRepository processedEvents;
    private final ReportOutcomeRepository outcomes;
    private final ProgressNoteRepository notes;

    public ReadModelUpdater(ProcessedEventRepository processedEvents, ReportOutcomeRepository outcomes,
            ProgressNoteRepository notes) {
        this.processedEvents = processedEvents;
        this.outcomes = outcomes;
        this.notes = notes;
    }

    @WithTransaction
    public Uni<Void> applyOutcomeChanges(List<ReceivedEvent<OutcomeChanged>> batch) {
        Instant now = Instant.now();
        Map<String, ReceivedEvent<OutcomeChanged>> unique = new LinkedHashMap<>();
        batch.forEach(event -> unique.putIfAbsent(event.id(), event));
        return processedEvents.alreadyProcessed(unique.keySet()).chain(done -> {
            List<ReceivedEvent<OutcomeChanged>> fresh = new ArrayList<>(unique.values());
            fresh.removeIf(event -> done.contains(event.id()));
            // Each change carries the whole record: of several changes to one outcome in a batch, only the
            // newest needs applying.
            Map<String, OutcomeChanged> newest = new LinkedHashMap<>();
            fresh.forEach(event -> newest.merge(event.data().outcomeId(), event.data(),
                    (a, b) -> a.version() >= b.version() ? a : b));
            Uni<Void> work = Uni.createFrom().voidItem();
            for (OutcomeChanged change : newest.values()) {
                work = work.chain(() -> applyOutcome(change, now));
            }
            if (fresh.isEmpty()) {
                return work;
            }
            List<ProcessedEvent> processed = fresh.stream().map(event -> processed(event, now)).toList();
            return work.chain(() -> processedEvents.persist(processed));
        });
    }

    private Uni<Void> applyOutcome(OutcomeChanged change, Instant now) {
        return outcomes.findById(change.outcomeId()).chain(current -> {
            if (current != null && current.version >= change.version()) {
                return Uni.createFrom().voidItem();
            }
            ReportOutcome row = current != null ? current : new ReportOutcome();
            CatalogOutcome outcome = change.outcome();
            row.id = change.outcomeId();
            row.code = outcome.code();
            row.office = outcome.office();
            row.planPeriod = outcome.planPeriod();
            row.statement = outcome.statement();
            row.version = change.version();
            row.updatedAt = now;
            List<ReportProgressNote> timeline = outcome.progressNotes().stream()
                    .map(note -> timelineEntry(row.id, note)).toList();
            Uni<Void> replaced = outcomes.persist(row).chain(() -> notes.deleteForOutcome(row.id)).replaceWithVoid();
            // Panache refuses to persist an empty list.
            return timeline.isEmpty() ? replaced : replaced.chain(() -> notes.persist(timeline));
        });
    }

    private static ReportProgressNote timelineEntry(String outcomeId, CatalogProgressNote note) {
        ReportProgressNote entry = new ReportProgressNote();
        entry.key = new ReportProgressNote.Key(outcomeId, note.year());
        entry.status = note.status();
        entry.text = note.text();
        entry.firstSentence = ProgressTimeline.firstSentence(note.text());
        if (note.provenance() != null) {
            entry.documentId = note.provenance().documentId();
            entry.documentName = note.provenance().documentName();
        }
        return entry;
    }

    private static ProcessedEvent processed(ReceivedEvent<?> event, Instant now) {
        ProcessedEvent row = new ProcessedEvent();
        row.eventId = event.id();
        row.eventType = event.type();
        row.processedAt = now;
        return row;
    }
}
