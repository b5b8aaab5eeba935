package org.resultsflow.ingest.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.ValueType;

/**
 * The corpus of real portal pages of other offices and their answer keys, read where the project's sibling
 * folder {@code shared/field-pages} holds them (third-party pages: they are not copied into the repository).
 * Each page is compared with its key record by record; every difference is named.
 */
public final class FieldPages {

    public static final Path DIR = locate();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldPages() {
    }

    private static Path locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("field-pages");
            if (Files.isDirectory(candidate.resolve("expected"))) {
                return candidate;
            }
        }
        return null;
    }

    public static boolean present() {
        return DIR != null;
    }

    public static List<String> pages() {
        if (DIR == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String page) {
        try {
            return Files.readAllBytes(DIR.resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode key(String page) {
        try {
            return JSON.readTree(DIR.resolve("expected").resolve(page.replace(".txt", ".json")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one comparison found: per category expected, found (matching) and invented counts, and the differences. */
    static final class Score {
        final String[] categories = {"outcomes", "outputs", "indicators", "observations", "notes", "budgets", "funding"};
        final int[] expected = new int[categories.length];
        final int[] found = new int[categories.length];
        final int[] invented = new int[categories.length];
        final List<String> differences = new ArrayList<>();

        void add(Score o) {
            for (int i = 0; i < categories.length; i++) {
                expected[i] += o.expected[i];
                found[i] += o.found[i];
                invented[i] += o.invented[i];
            }
            differences.addAll(o.differences);
        }

        String line() {
            StringBuilder sb = new StringBuilder();
            int inv = 0;
            for (int i = 0; i < categories.length; i++) {
                sb.append(categories[i]).append(' ').append(found[i]).append('/').append(expected[i]).append("  ");
                inv += invented[i];
            }
            return sb.append("invented ").append(inv).toString();
        }

        private void count(int category, List<String> want, List<String> got, String page) {
            expected[category] += want.size();
            List<String> rest = new ArrayList<>(got);
            for (String w : want) {
                if (rest.remove(w)) {
                    found[category]++;
                } else {
                    differences.add(page + ": missing " + categories[category] + " " + w);
                }
            }
            for (String r : rest) {
                invented[category]++;
                differences.add(page + ": not in the key: " + categories[category] + " " + r);
            }
        }
    }

    /** Compares an extraction with the key of its page. */
    static Score compare(String page, JsonNode key, Extraction x) {
        Score s = new Score();
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        List<String> wantNotes = new ArrayList<>();
        List<Note> gotNotes = new ArrayList<>();
        for (JsonNode o : key.get("outcomes")) {
            want.add(text(o.get("id")) + " | " + text(o.get("statement")));
            o.get("progress").forEach(p -> wantNotes.add(note(text(o.get("id")), p)));
        }
        for (Outcome o : x.outcomes()) {
            if (o.id() != null || o.statement() != null) {
                got.add(o.id() + " | " + o.statement());
                o.progressNotes().forEach(n -> gotNotes.add(new Note(String.valueOf(o.id()), n)));
            }
        }
        s.count(0, want, got, page);

        want = new ArrayList<>();
        got = new ArrayList<>();
        for (JsonNode o : key.get("outputs")) {
            want.add(text(o.get("code")) + " | " + text(o.get("outcome")) + " | " + text(o.get("statement")));
            if (o.has("progress")) {
                o.get("progress").forEach(p -> wantNotes.add(note(text(o.get("statement")), p)));
            }
        }
        for (Outcome o : x.outcomes()) {
            for (Output p : o.outputs()) {
                got.add(p.code() + " | " + o.id() + " | " + p.statement());
                p.progressNotes().forEach(n -> gotNotes.add(new Note(String.valueOf(p.statement()), n)));
            }
        }
        s.count(1, want, got, page);

        List<String> gotNoteKeys = new ArrayList<>();
        for (String w : wantNotes) {
            Note match = gotNotes.stream().filter(n -> n.matches(w)).findFirst().orElse(null);
            if (match != null) {
                gotNotes.remove(match);
                gotNoteKeys.add(w);
            }
        }
        gotNotes.forEach(n -> gotNoteKeys.add(n.owner + " | " + n.note.year() + " | " + first60(n.note.text())));
        s.count(4, wantNotes, gotNoteKeys, page);

        want = new ArrayList<>();
        got = new ArrayList<>();
        List<String> wantObs = new ArrayList<>();
        List<String> gotObs = new ArrayList<>();
        for (JsonNode i : key.get("indicators")) {
            String id = text(i.get("code")) + " | " + text(i.get("parent")) + " | " + text(i.get("statement"));
            want.add(id);
            int n = 0;
            for (JsonNode o : i.get("observations")) {
                wantObs.add(id + " #" + n++ + " " + text(o.get("year")) + " " + o.get("kind").asText().toUpperCase()
                        + (o.path("headline").asBoolean() ? " headline" : "") + " = " + keyValue(o.get("value")));
            }
        }
        for (Indicator i : x.indicators()) {
            String parent = i.outputCode() != null ? i.outputCode() : i.outcomeId();
            String id = i.code() + " | " + parent + " | " + i.statement();
            got.add(id);
            int n = 0;
            for (Observation o : i.observations()) {
                gotObs.add(id + " #" + n++ + " " + o.year() + " " + o.kind() + (o.headline() ? " headline" : "") + " = "
                        + value(o.value()));
            }
        }
        s.count(2, want, got, page);
        s.count(3, wantObs, gotObs, page);

        want = new ArrayList<>();
        got = new ArrayList<>();
        List<String> wantFunding = new ArrayList<>();
        List<String> gotFunding = new ArrayList<>();
        for (JsonNode b : key.get("budgets")) {
            want.add(text(b.get("entity")) + " " + text(b.get("year")) + " planned " + num(b.get("planned_usd"))
                    + " actual " + num(b.get("actual_usd")) + " expenses " + num(b.get("expenses_usd")) + " shortfall "
                    + num(b.get("shortfall_usd")));
        }
        for (JsonNode f : key.get("funding")) {
            wantFunding.add(f.get("partner").asText() + " " + f.get("year").asText() + " " + num(f.get("total")) + " "
                    + num(f.get("development")) + " " + num(f.get("humanitarian")));
        }
        for (Budget b : x.budgets()) {
            if (b.planned() != null || b.actual() != null || b.expenses() != null || b.statedShortfall() != null) {
                got.add(b.entityId() + " " + b.reportingYear() + " planned " + usd(b.planned()) + " actual "
                        + usd(b.actual()) + " expenses " + usd(b.expenses()) + " shortfall " + usd(b.statedShortfall()));
            }
            for (FundingContribution f : b.funding()) {
                gotFunding.add(f.partner() + " " + f.year() + " " + usd(f.total()) + " " + usd(f.development()) + " "
                        + usd(f.humanitarian()));
            }
        }
        s.count(5, want, got, page);
        s.count(6, wantFunding, gotFunding, page);
        return s;
    }

    private record Note(String owner, ProgressNote note) {
        boolean matches(String want) {
            String[] p = want.split(" \\| ", 3);
            return p[0].equals(owner) && p[1].equals(String.valueOf(note.year())) && note.text().startsWith(p[2]);
        }
    }

    private static String note(String owner, JsonNode p) {
        return owner + " | " + text(p.get("year")) + " | " + p.get("text_starts_with").asText();
    }

    private static String first60(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) : line;
    }

    /** The key's value: null for '-', '--' or empty, a number, or the text verbatim. */
    private static String keyValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : "'" + v.asText() + "'";
    }

    private static String value(ObservedValue v) {
        if (v.type() == ValueType.NUMBER || v.type() == ValueType.PERCENT) {
            return v.number().stripTrailingZeros().toPlainString();
        }
        String raw = v.raw().trim();
        return raw.isEmpty() || raw.equals("-") || raw.equals("--") ? "null" : "'" + raw + "'";
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asText();
    }

    private static String num(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String usd(Money m) {
        return m == null || m.usd() == null ? "null" : m.usd().stripTrailingZeros().toPlainString();
    }
}
