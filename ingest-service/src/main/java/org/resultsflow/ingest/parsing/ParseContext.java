package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One parse: the text, the facts the document and its address declare, and the warnings collected on the way. */
final class ParseContext {

    final SourceText text;
    final DeclaredFacts declared;
    final PageAddress address;
    private final Set<ParseWarning> warnings = new LinkedHashSet<>();

    ParseContext(SourceText text, PageAddress address) {
        this.text = text;
        this.declared = DeclaredFacts.read(text);
        this.address = address;
    }

    void warn(int line, String message) {
        warnings.add(new ParseWarning(line, message));
    }

    /** The year the page itself says it shows (its data year or a yearly report's year), or null. */
    Integer pageYear() {
        return declared.dataYear != null ? declared.dataYear : declared.reportYear;
    }

    /** The plan period the page states, else its address's. */
    String planPeriod() {
        return declared.planPeriod != null ? declared.planPeriod : address.planPeriod();
    }

    List<ParseWarning> warnings() {
        List<ParseWarning> list = new ArrayList<>(warnings);
        list.sort(Comparator.comparingInt(ParseWarning::line));
        return list;
    }
}
