package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One parse: the text, the facts the document declares, and the warnings collected on the way. */
final class ParseContext {

    final SourceText text;
    final DeclaredFacts declared;
    private final Set<ParseWarning> warnings = new LinkedHashSet<>();

    ParseContext(SourceText text) {
        this.text = text;
        this.declared = DeclaredFacts.read(text);
    }

    void warn(int line, String message) {
        warnings.add(new ParseWarning(line, message));
    }

    List<ParseWarning> warnings() {
        List<ParseWarning> list = new ArrayList<>(warnings);
        list.sort(Comparator.comparingInt(ParseWarning::line));
        return list;
    }
}
