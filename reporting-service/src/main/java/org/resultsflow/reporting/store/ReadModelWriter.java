package org.resultsflow.reporting.store;

import static org.resultsflow.reporting.store.ReadModelTables.ATTAINMENT;
import static org.resultsflow.reporting.store.ReadModelTables.BUDGET;
import static org.resultsflow.reporting.store.ReadModelTables.FUNDING;
import static org.resultsflow.reporting.store.ReadModelTables.FUNDING_CONTRIBUTION;
import static org.resultsflow.reporting.store.ReadModelTables.INDICATOR;
import static org.resultsflow.reporting.store.ReadModelTables.OUTCOME;
import static org.resultsflow.reporting.store.ReadModelTables.PROGRESS;
import static org.resultsflow.reporting.store.ReadModelTables.PROGRESS_NOTE;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.reporting.change.CatalogChange;
import org.resultsflow.reporting.metrics.Attainment;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentThresholds;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.metrics.Progress;
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.metrics.ProgressThresholds;
import org.resultsflow.reporting.metrics.ProgressTimeline;
import org.resultsflow.reporting.metrics.ProgressTimeline.TimelineNote;
import org.resultsflow.reporting.metrics.StatedAmount;
import org.resultsflow.reporting.store.ReadModelTables.Table;

/**
 * Applies a batch of catalog changes to the read models on a connection whose transaction the caller owns.
 * The live consumer writes to the live tables and records the event ids in the same transaction; the rebuild
 * writes to the fresh tables of its own schema. One code path for both, so a rebuild yields what the live
 * consumer would have.
 *
 * <p>A change is applied only when its version is newer than the stored one of its record; as each event is
 * the full state of its record, within a batch only the newest change of each record is written. Writes are
 * batched: per table, one bulk read of the stored versions, one delete of the replaced children, one batched
 * insert — a handful of round trips per batch whatever its size.
 */
@ApplicationScoped
public class ReadModelWriter {

    /**
     * The advisory lock that orders the rebuild's swap against the live consumer: every live batch holds it
     * shared for its transaction, the swap holds it exclusively.
     */
    public static final long SWAP_LOCK = 0x7265706f72744cL; // "reportL"

    private final Attainment attainment;
    private final Progress progress;

    public ReadModelWriter(AttainmentThresholds thresholds, ProgressThresholds progressThresholds) {
        this.attainment = new Attainment(thresholds);
        this.progress = new Progress(progressThresholds);
    }

    /**
     * @param schema the schema of the tables to write; null for the live tables
     * @param trackProcessed whether to skip events whose ids the processed-event table holds, and record the
     *     ids of the others there
     */
    public Uni<Applied> apply(SqlConnection connection, String schema, List<? extends CatalogChange> batch,
            boolean trackProcessed) {
        Map<String, CatalogChange> unique = new LinkedHashMap<>();
        batch.forEach(change -> unique.putIfAbsent(change.eventId(), change));
        Uni<Set<String>> seen = trackProcessed ? processed(connection, unique.keySet()) : Uni.createFrom().item(Set.of());
        return seen.chain(done -> {
            Applied applied = Applied.none();
            List<CatalogChange> fresh = new ArrayList<>();
            for (CatalogChange change : unique.values()) {
                if (done.contains(change.eventId())) {
                    applied.count(change.eventType(), false);
                } else {
                    fresh.add(change);
                }
            }
            Session session = new Session(connection, schema, applied);
            Uni<Void> work = session.apply(CatalogChange.Outcome.class, fresh, OUTCOME, this::writeOutcomes)
                    .chain(() -> session.apply(CatalogChange.Indicator.class, fresh, INDICATOR, this::writeIndicators))
                    .chain(() -> session.apply(CatalogChange.Budget.class, fresh, BUDGET, this::writeBudgets))
                    .chain(() -> session.apply(CatalogChange.Funding.class, fresh, FUNDING, this::writeFunding));
            if (trackProcessed && !fresh.isEmpty()) {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                List<Tuple> rows = fresh.stream().map(c -> Tuple.of(c.eventId(), c.eventType(), now)).toList();
                work = work.chain(() -> connection.preparedQuery("INSERT INTO processed_event (event_id, event_type, processed_at) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING").executeBatch(rows).replaceWithVoid());
            }
            return work.replaceWith(applied);
        });
    }

    private static Uni<Set<String>> processed(SqlConnection connection, Set<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection.preparedQuery("SELECT event_id FROM processed_event WHERE event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getString(0)));
                    return found;
                });
    }

    /** Writes the newest change of each record of one type, in bulk. */
    private interface TypeWriter<C extends CatalogChange> {
        Uni<Void> write(SqlConnection connection, String schema, List<C> changes);
    }

    private record Session(SqlConnection connection, String schema, Applied applied) {

        /** @param table the record type's table, keyed by the record's id alone */
        <C extends CatalogChange> Uni<Void> apply(Class<C> kind, List<CatalogChange> fresh, Table table,
                TypeWriter<C> writer) {
            Map<String, C> newest = new LinkedHashMap<>();
            List<C> ofKind = new ArrayList<>();
            for (CatalogChange change : fresh) {
                if (kind.isInstance(change)) {
                    C typed = kind.cast(change);
                    ofKind.add(typed);
                    newest.merge(typed.recordId(), typed, (a, b) -> b.version() > a.version() ? b : a);
                }
            }
            if (newest.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            String id = table.order();
            return connection.preparedQuery("SELECT " + id + ", version FROM " + table.in(schema) + " WHERE " + id + " = ANY($1)")
                    .execute(Tuple.of(newest.keySet().toArray(String[]::new)))
                    .chain(rows -> {
                        Map<String, Long> stored = new HashMap<>();
                        for (Row row : rows) {
                            stored.put(row.getString(0), row.getLong(1));
                        }
                        List<C> toWrite = newest.values().stream()
                                .filter(c -> c.version() > stored.getOrDefault(c.recordId(), Long.MIN_VALUE)).toList();
                        Set<C> written = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                        written.addAll(toWrite);
                        ofKind.forEach(c -> applied.count(c.eventType(), written.contains(c)));
                        return toWrite.isEmpty() ? Uni.createFrom().voidItem() : writer.write(connection, schema, toWrite);
                    });
        }
    }

    // --- outcomes and their progress timelines ----------------------------------------------------------------

    private Uni<Void> writeOutcomes(SqlConnection connection, String schema, List<CatalogChange.Outcome> changes) {
        List<Tuple> outcomes = new ArrayList<>();
        List<Tuple> notes = new ArrayList<>();
        for (CatalogChange.Outcome change : changes) {
            String id = change.recordId();
            CatalogOutcome outcome = change.data().outcome();
            outcomes.add(Tuple.from(Arrays.asList(id, outcome.code(), Offices.office(outcome.office(), id),
                    outcome.planPeriod(), outcome.statement(), change.version(), time(change.changedAt()))));
            int entry = 1;
            for (TimelineNote n : ProgressTimeline.of(outcome)) {
                CatalogProgressNote note = n.note();
                notes.add(Tuple.from(Arrays.asList(id, entry++, note.year(), name(note.yearBasis()), note.sequence(),
                        note.status(), ProgressTimeline.firstSentence(note.text()), note.text(), note.partial(),
                        n.outputCode(), n.outputStatement(),
                        note.provenance() == null ? null : note.provenance().documentId(),
                        note.provenance() == null ? null : note.provenance().documentName())));
            }
        }
        return connection.preparedQuery(OUTCOME.upsert(schema)).executeBatch(outcomes)
                .chain(() -> replaceChildren(connection, schema, PROGRESS_NOTE, ids(changes), notes));
    }

    // --- indicators and their milestone attainment -------------------------------------------------------------

    private Uni<Void> writeIndicators(SqlConnection connection, String schema, List<CatalogChange.Indicator> changes) {
        List<Tuple> indicators = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> progressRows = new ArrayList<>();
        for (CatalogChange.Indicator change : changes) {
            CatalogIndicator indicator = change.data().indicator();
            String id = change.recordId();
            if (indicator == null) {
                // Merged into another indicator: nothing to report under this id any more.
                indicators.add(Tuple.from(Arrays.asList(id, null, null, null, null, null, change.version(),
                        time(change.changedAt()), change.data().mergedInto())));
                continue;
            }
            CatalogIndicator keyed = indicator.id() != null && indicator.id().equals(id) ? indicator
                    : new CatalogIndicator(id, indicator.code(), indicator.statement(), indicator.normalisedStatement(),
                            indicator.outcomeId(), indicator.outputCode(), indicator.parentId(), indicator.office(),
                            indicator.tags(), indicator.aliases(), indicator.provenance(), indicator.observations(),
                            indicator.measure(), indicator.ascending());
            // Per-year metrics: observations without a year are left out by Attainment itself.
            indicators.add(Tuple.from(Arrays.asList(id, keyed.code(), keyed.statement(), keyed.outcomeId(),
                    keyed.outputCode(), Offices.office(keyed.office(), keyed.outcomeId()), change.version(),
                    time(change.changedAt()), null)));
            for (AttainmentRow row : attainment.rows(keyed)) {
                rows.add(Tuple.from(Arrays.asList(row.indicatorId(), row.year(), row.sequence(), row.indicatorCode(),
                        row.statement(),
                        row.outcomeId(), row.outputCode(), row.office(), row.resultRaw(), row.resultType(),
                        row.resultValue(), name(row.expectedKind()), row.expectedRaw(), row.expectedType(),
                        row.expectedValue(), row.ratio(), row.status().name(), name(row.reason()),
                        name(row.direction()), name(row.directionRule()))));
            }
            for (ProgressRow p : progress.rows(keyed)) {
                progressRows.add(Tuple.from(Arrays.asList(p.indicatorId(), p.year(), p.sequence(), p.indicatorCode(),
                        p.statement(), p.outcomeId(), p.outputCode(), p.office(), name(p.direction()),
                        name(p.directionRule()), p.baselineRaw(), p.baselineValue(), p.baselineYear(), p.targetRaw(),
                        p.targetValue(), p.targetYear(), p.resultRaw(), p.resultValue(), p.progress(),
                        p.expectedProgress(), p.pace(), p.status().name(), name(p.reason()))));
            }
        }
        return connection.preparedQuery(INDICATOR.upsert(schema)).executeBatch(indicators)
                .chain(() -> replaceChildren(connection, schema, ATTAINMENT, ids(changes), rows))
                .chain(() -> replaceChildren(connection, schema, PROGRESS, ids(changes), progressRows));
    }

    // --- budgets ---------------------------------------------------------------------------------------------

    private Uni<Void> writeBudgets(SqlConnection connection, String schema, List<CatalogChange.Budget> changes) {
        List<Tuple> budgets = new ArrayList<>();
        for (CatalogChange.Budget change : changes) {
            BudgetRow b = BudgetUtilisation.row(change.recordId(), change.data().budget());
            budgets.add(Tuple.from(Arrays.asList(b.id(), b.entityId(), b.entityType(), b.outcomeId(), b.office(),
                    b.reportingYear(), b.planned(), b.plannedShown(), b.actual(), b.actualShown(), b.expenses(),
                    b.expensesShown(), b.fundingRate(), b.deliveryRate(), b.computedShortfall(), b.statedShortfall(),
                    b.statedShortfallShown(), b.shortfallTolerance(), b.shortfallMismatch(), b.overSpend(),
                    b.documentId(), b.documentName(), change.version(), time(change.changedAt()), b.plannedAmount(),
                    b.plannedCurrency(), b.expensesAmount(), b.expensesCurrency(), b.utilisationRate(),
                    b.utilisationReason())));
        }
        return connection.preparedQuery(BUDGET.upsert(schema)).executeBatch(budgets).replaceWithVoid();
    }

    // --- funding ---------------------------------------------------------------------------------------------

    private Uni<Void> writeFunding(SqlConnection connection, String schema, List<CatalogChange.Funding> changes) {
        List<Tuple> fundings = new ArrayList<>();
        List<Tuple> contributions = new ArrayList<>();
        for (CatalogChange.Funding change : changes) {
            String outcomeId = change.recordId();
            CatalogFunding funding = change.data().funding();
            String office = Offices.office(funding.office(), outcomeId);
            fundings.add(Tuple.from(Arrays.asList(outcomeId, office, change.version(), time(change.changedAt()))));
            // One row per partner, year and sequence; should a change repeat one, its first stands.
            Map<String, CatalogFunding.Contribution> byIdentity = new LinkedHashMap<>();
            if (funding.contributions() != null) {
                funding.contributions().stream().filter(c -> c != null && c.partner() != null)
                        .forEach(c -> byIdentity.putIfAbsent(c.partner() + "\u0000" + c.year() + "\u0000" + c.sequence(), c));
            }
            for (CatalogFunding.Contribution c : byIdentity.values()) {
                StatedAmount amount = StatedAmount.of(c.total());
                contributions.add(Tuple.from(Arrays.asList(outcomeId, c.partner(), c.year(), c.sequence(), office,
                        c.total() == null ? null : c.total().usd(), c.total() == null ? null : c.total().raw(),
                        c.development() == null ? null : c.development().usd(),
                        c.humanitarian() == null ? null : c.humanitarian().usd(), c.partnerType(),
                        c.developmentShare(), c.humanitarianShare(), amount == null ? null : amount.value(),
                        amount == null ? null : amount.currency(), c.total() == null ? null : c.total().valueDate())));
            }
        }
        return connection.preparedQuery(FUNDING.upsert(schema)).executeBatch(fundings)
                .chain(() -> replaceChildren(connection, schema, FUNDING_CONTRIBUTION, ids(changes), contributions));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * Replaces every child row of the given parents: the first key column of a child table is its parent's id.
     */
    private static Uni<Void> replaceChildren(SqlConnection connection, String schema, Table children, String[] parents,
            List<Tuple> rows) {
        Uni<Void> deleted = connection.preparedQuery("DELETE FROM " + children.in(schema) + " WHERE "
                + children.key().get(0) + " = ANY($1)").execute(Tuple.of(parents)).replaceWithVoid();
        return rows.isEmpty() ? deleted
                : deleted.chain(() -> connection.preparedQuery(children.insert(schema)).executeBatch(rows).replaceWithVoid());
    }

    private static String[] ids(List<? extends CatalogChange> changes) {
        return changes.stream().map(CatalogChange::recordId).toArray(String[]::new);
    }

    /** The catalog's time of the change, so that a replay writes the very same rows; epoch when not given. */
    private static OffsetDateTime time(Instant changedAt) {
        return (changedAt == null ? Instant.EPOCH : changedAt).atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
