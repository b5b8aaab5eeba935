package org.resultsflow.contracts.results;

/** Where in a document a record came from: 1-based, inclusive line numbers of the extracted text. */
public record LineRange(int first, int last) {

    public LineRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("invalid line range " + first + "-" + last);
        }
    }

    public static LineRange of(int line) {
        return new LineRange(line, line);
    }

    public LineRange span(LineRange other) {
        return new LineRange(Math.min(first, other.first), Math.max(last, other.last));
    }
}
