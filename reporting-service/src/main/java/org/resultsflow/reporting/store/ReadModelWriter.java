package org.resultsflow.reporting.store;

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
import org.resultsflow.reporting.messaging.CatalogChange;
import org.resultsflow.reporting.metrics.Attainment;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentThresholds;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.service.ProgressTimeline;
import org.resultsflow.reporting.service.ProgressTimeline.TimelineNote;

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

    public ReadModelWriter(AttainmentThresholds thresholds) {
        this.attainment = new Attainment(thresholds);
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
            Uni<Void> work = session.apply(CatalogChange.Outcome.class, fresh, "report_outcome", "id", this::writeOutcomes)
                    .chain(() -> session.apply(CatalogChange.Indicator.class, fresh, "report_indicator", "id", this::writeIndicators))
                    .chain(() -> session.apply(CatalogChange.Budget.class, fresh, "report_budget", "id", this::writeBudgets))
                    .chain(() -> session.apply(CatalogChange.Funding.class, fresh, "report_funding", "outcome_id", this::writeFunding));
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

        <C extends CatalogChange> Uni<Void> apply(Class<C> kind, List<CatalogChange> fresh, String table, String idColumn,
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
            return connection.preparedQuery("SELECT " + idColumn + ", version FROM " + ReadModelTables.in(schema, table)
                            + " WHERE " + idColumn + " = ANY($1)")
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
        String outcomeTable = ReadModelTables.in(schema, "report_outcome");
        String noteTable = ReadModelTables.in(schema, "report_progress_note");
        return connection.preparedQuery("INSERT INTO " + outcomeTable
                        + " (id, code, office, plan_period, statement, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        + " ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, office = EXCLUDED.office,"
                        + " plan_period = EXCLUDED.plan_period, statement = EXCLUDED.statement,"
                        + " version = EXCLUDED.version, updated_at = EXCLUDED.updated_at")
                .executeBatch(outcomes)
                .chain(() -> deleteChildren(connection, noteTable, "outcome_id", ids(changes)))
                .chain(() -> insert(connection, noteTable,
                        "outcome_id, entry, year, year_basis, sequence, status, first_sentence, text, partial, output_code,"
                                + " output_statement, document_id, document_name", notes));
    }

    // --- indicators and their milestone attainment -------------------------------------------------------------

    private Uni<Void> writeIndicators(SqlConnection connection, String schema, List<CatalogChange.Indicator> changes) {
        List<Tuple> indicators = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
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
                            indicator.tags(), indicator.aliases(), indicator.provenance(), indicator.observations());
            // Per-year metrics: observations without a year are left out by Attainment itself.
            indicators.add(Tuple.from(Arrays.asList(id, keyed.code(), keyed.statement(), keyed.outcomeId(),
                    keyed.outputCode(), Offices.office(keyed.office(), keyed.outcomeId()), change.version(),
                    time(change.changedAt()), null)));
            for (AttainmentRow row : attainment.rows(keyed)) {
                rows.add(Tuple.from(Arrays.asList(row.indicatorId(), row.year(), row.sequence(), row.indicatorCode(),
                        row.statement(),
                        row.outcomeId(), row.outputCode(), row.office(), row.resultRaw(), row.resultType(),
                        row.resultValue(), name(row.expectedKind()), row.expectedRaw(), row.expectedType(),
                        row.expectedValue(), row.ratio(), row.status().name(), name(row.reason()))));
            }
        }
        String attainmentTable = ReadModelTables.in(schema, "report_attainment");
        return connection.preparedQuery("INSERT INTO " + ReadModelTables.in(schema, "report_indicator")
                        + " (id, code, statement, outcome_id, output_code, office, version, updated_at, merged_into)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, statement = EXCLUDED.statement,"
                        + " outcome_id = EXCLUDED.outcome_id, output_code = EXCLUDED.output_code, office = EXCLUDED.office,"
                        + " version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, merged_into = EXCLUDED.merged_into")
                .executeBatch(indicators)
                .chain(() -> deleteChildren(connection, attainmentTable, "indicator_id", ids(changes)))
                .chain(() -> insert(connection, attainmentTable,
                        "indicator_id, year, sequence, indicator_code, statement, outcome_id, output_code, office, result_raw,"
                                + " result_type, result_value, expected_kind, expected_raw, expected_type, expected_value,"
                                + " ratio, status, reason", rows));
    }

    // --- budgets ---------------------------------------------------------------------------------------------

    private static final String BUDGET_COLUMNS = "id, entity_id, entity_type, outcome_id, office, reporting_year,"
            + " planned_usd, planned_shown, actual_usd, actual_shown, expenses_usd, expenses_shown, funding_rate,"
            + " delivery_rate, computed_shortfall, stated_shortfall_usd, stated_shortfall_shown, shortfall_tolerance,"
            + " shortfall_mismatch, over_spend, document_id, document_name, version, updated_at";

    private Uni<Void> writeBudgets(SqlConnection connection, String schema, List<CatalogChange.Budget> changes) {
        List<Tuple> budgets = new ArrayList<>();
        for (CatalogChange.Budget change : changes) {
            BudgetRow b = BudgetUtilisation.row(change.recordId(), change.data().budget());
            budgets.add(Tuple.from(Arrays.asList(b.id(), b.entityId(), b.entityType(), b.outcomeId(), b.office(),
                    b.reportingYear(), b.planned(), b.plannedShown(), b.actual(), b.actualShown(), b.expenses(),
                    b.expensesShown(), b.fundingRate(), b.deliveryRate(), b.computedShortfall(), b.statedShortfall(),
                    b.statedShortfallShown(), b.shortfallTolerance(), b.shortfallMismatch(), b.overSpend(),
                    b.documentId(), b.documentName(), change.version(), time(change.changedAt()))));
        }
        String[] columns = BUDGET_COLUMNS.split(",\\s*");
        StringBuilder update = new StringBuilder();
        for (String column : columns) {
            if (!column.equals("id")) {
                update.append(update.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
            }
        }
        return connection.preparedQuery("INSERT INTO " + ReadModelTables.in(schema, "report_budget") + " (" + BUDGET_COLUMNS
                        + ") VALUES (" + placeholders(columns.length) + ") ON CONFLICT (id) DO UPDATE SET " + update)
                .executeBatch(budgets).replaceWithVoid();
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
            Map<String, CatalogFunding.Contribution> byPartnerYear = new LinkedHashMap<>();
            if (funding.contributions() != null) {
                funding.contributions().stream().filter(c -> c != null && c.partner() != null)
                        .forEach(c -> byPartnerYear.putIfAbsent(c.partner() + "\u0000" + c.year(), c));
            }
            for (CatalogFunding.Contribution c : byPartnerYear.values()) {
                contributions.add(Tuple.from(Arrays.asList(outcomeId, c.partner(), c.year(), office,
                        c.total() == null ? null : c.total().usd(), c.total() == null ? null : c.total().raw(),
                        c.development() == null ? null : c.development().usd(),
                        c.humanitarian() == null ? null : c.humanitarian().usd(), c.partnerType(),
                        c.developmentShare(), c.humanitarianShare())));
            }
        }
        String contributionTable = ReadModelTables.in(schema, "report_funding_contribution");
        return connection.preparedQuery("INSERT INTO " + ReadModelTables.in(schema, "report_funding")
                        + " (outcome_id, office, version, updated_at) VALUES ($1, $2, $3, $4)"
                        + " ON CONFLICT (outcome_id) DO UPDATE SET office = EXCLUDED.office, version = EXCLUDED.version,"
                        + " updated_at = EXCLUDED.updated_at")
                .executeBatch(fundings)
                .chain(() -> deleteChildren(connection, contributionTable, "outcome_id", ids(changes)))
                .chain(() -> insert(connection, contributionTable,
                        "outcome_id, partner, year, office, total_usd, total_shown, development_usd, humanitarian_usd,"
                                + " partner_type, development_share, humanitarian_share",
                        contributions));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static Uni<Void> deleteChildren(SqlConnection connection, String table, String column, String[] parents) {
        return connection.preparedQuery("DELETE FROM " + table + " WHERE " + column + " = ANY($1)")
                .execute(Tuple.of(parents)).replaceWithVoid();
    }

    private static Uni<Void> insert(SqlConnection connection, String table, String columns, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int count = columns.split(",").length;
        return connection.preparedQuery("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders(count) + ")")
                .executeBatch(rows).replaceWithVoid();
    }

    private static String placeholders(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            s.append(i == 1 ? "" : ", ").append('$').append(i);
        }
        return s.toString();
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
