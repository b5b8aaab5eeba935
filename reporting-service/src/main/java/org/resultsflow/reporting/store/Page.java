package org.resultsflow.reporting.store;

import java.util.List;

/** One page of a list, and how many rows match the filters over all pages. */
public record Page<T>(List<T> rows, long total) {
}
