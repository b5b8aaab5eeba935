package org.resultsflow.ingest.parsing;

/** Something the parser skipped or could not read with certainty; {@code line} is 1-based (0: whole document). */
public record ParseWarning(int line, String message) {
}
