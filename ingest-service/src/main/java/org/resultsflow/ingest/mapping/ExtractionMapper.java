package org.resultsflow.ingest.mapping;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.rules.ReportedEventIds;
import org.resultsflow.ingest.parsing.DocumentFacts;
import org.resultsflow.ingest.parsing.Extraction;

/** Turns one document's extraction into the events that carry it. */
public final class ExtractionMapper {

    private ExtractionMapper() {
    }

    /**
     * The as-of of a document, strongest evidence first: the date it declares, else 31 December of the
     * data year it declares, else what the caller says, else none.
     */
    public static SourceDocument sourceDocument(
            String documentId, String name, String mediaType, Extraction extraction, LocalDate callerAsOf) {
        DocumentFacts facts = extraction.facts();
        LocalDate asOf;
        AsOfBasis basis;
        if (facts.declaredAsOf() != null) {
            asOf = facts.declaredAsOf();
            basis = AsOfBasis.DECLARED_DATE;
        } else if (facts.dataYear() != null) {
            asOf = LocalDate.of(facts.dataYear(), Month.DECEMBER, 31);
            basis = AsOfBasis.DATA_YEAR;
        } else if (callerAsOf != null) {
            asOf = callerAsOf;
            basis = AsOfBasis.CALLER;
        } else {
            asOf = null;
            basis = AsOfBasis.NONE;
        }
        return new SourceDocument(documentId, name, mediaType, extraction.layout().name(), asOf, basis,
                facts.source());
    }

    public static List<ReportedEvent> events(SourceDocument document, Extraction extraction) {
        List<ReportedEvent> events = new ArrayList<>();
        for (Outcome outcome : extraction.outcomes()) {
            events.add(event(document, ReportedEvent.Stream.OUTCOMES, EventTypes.OUTCOME_REPORTED, outcome.id(),
                    outcome.id(), new OutcomeReported(document, outcome)));
        }
        for (Indicator indicator : extraction.indicators()) {
            events.add(event(document, ReportedEvent.Stream.INDICATORS, EventTypes.INDICATOR_REPORTED, indicator.key(),
                    indicator.key(), new IndicatorReported(document, indicator)));
        }
        for (Budget budget : extraction.budgets()) {
            events.add(event(document, ReportedEvent.Stream.BUDGETS, EventTypes.BUDGET_REPORTED, budget.entityId(),
                    ReportedEventIds.about(budget), new BudgetReported(document, budget)));
        }
        return events;
    }

    /** @param key the record key (per-key order); @param about what the event is about, for its id */
    private static ReportedEvent event(SourceDocument document, ReportedEvent.Stream stream, String type, String key,
            String about, Object data) {
        return new ReportedEvent(stream, ReportedEventIds.of(document.id(), type, about), type, key, data);
    }
}
