package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The decoded text as numbered lines. Line numbers are 1-based; every {@code LineRange} of an extraction
 * refers to them. A final line terminator does not start another line.
 */
final class SourceText {

    private final List<String> raw;
    private final List<String> trimmed;
    private final boolean lastLineEnded;

    private SourceText(List<String> raw, boolean lastLineEnded) {
        this.raw = List.copyOf(raw);
        this.lastLineEnded = lastLineEnded;
        List<String> t = new ArrayList<>(raw.size());
        for (String line : raw) {
            t.add(strip(line));
        }
        this.trimmed = List.copyOf(t);
    }

    static SourceText of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return new SourceText(lines, start >= n);
    }

    /** Trims ASCII and Unicode spaces (no-break space included) from both ends. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /**
     * The line in lower case, for cheap word tests ({@code contains}) before a regular expression that needs the
     * word: the patterns tried on every line of a page. A superset test: {@code (?i)} folds only ASCII.
     */
    static String lower(String line) {
        return line.toLowerCase(Locale.ROOT);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    int size() {
        return raw.size();
    }

    /** The line exactly as decoded. */
    String raw(int lineNo) {
        return raw.get(lineNo - 1);
    }

    /** The line without surrounding whitespace. */
    String line(int lineNo) {
        return trimmed.get(lineNo - 1);
    }

    /**
     * Whether the line is the last one and no line terminator ends it: the document may be cut inside it
     * (a saved excerpt, a truncated download), so no value is read from it.
     */
    boolean isCut(int lineNo) {
        return lineNo == raw.size() && !lastLineEnded;
    }

    boolean isBlank(int lineNo) {
        return trimmed.get(lineNo - 1).isEmpty();
    }

    /** The first line at or after {@code from} that matches {@code p} whole, or -1. */
    int find(int from, Pattern p) {
        for (int i = Math.max(1, from); i <= size(); i++) {
            if (p.matcher(line(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Of the section marks (line numbers), the first after {@code after}; {@code end + 1} when none is. */
    static int nextMark(int[] marks, int after, int end) {
        int next = end + 1;
        for (int m : marks) {
            if (m > after && m < next) {
                next = m;
            }
        }
        return next;
    }

    /** The next non-blank line at or after {@code from}, or {@code size()+1} when there is none. */
    int nextNonBlank(int from) {
        int i = from;
        while (i <= size() && isBlank(i)) {
            i++;
        }
        return i;
    }
}
