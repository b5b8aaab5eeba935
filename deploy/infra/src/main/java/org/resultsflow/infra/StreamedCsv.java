package org.resultsflow.infra;

import java.io.BufferedReader;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A CSV export read to its end as a client reads it, line by line, with what the services' export tests measure
 * meanwhile: how many rows and bytes came, whether the rows came in the order of their key, and how far the heap of
 * this JVM (where a Quarkus test runs the service too) rose above where it was before the export, sampled after a
 * full GC every {@code sampleEvery} rows.
 *
 * @param header the header line
 * @param peakHeap the most the heap rose above {@code baselineHeap} at a sample, in bytes
 */
public record StreamedCsv(String header, long rows, long bytes, long peakHeap, long baselineHeap, long millis,
        boolean ordered) {

    /**
     * Opens the export with {@code open} and reads it; {@code key} gives a row's key from its line, as a string that
     * sorts as the keys do.
     */
    public static StreamedCsv read(Callable<BufferedReader> open, Function<String, String> key, int sampleEvery)
            throws Exception {
        long baseline = Heap.afterFullGc();
        long peak = 0;
        long bytes = 0;
        long rows = 0;
        String previous = null;
        boolean ordered = true;
        long started = System.nanoTime();
        String header;
        try (BufferedReader body = open.call()) {
            header = body.readLine();
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                rows++;
                bytes += line.length() + 2;
                String rowKey = key.apply(line);
                ordered &= previous == null || previous.compareTo(rowKey) < 0;
                previous = rowKey;
                if (rows % sampleEvery == 0) {
                    peak = Math.max(peak, Heap.afterFullGc() - baseline);
                }
            }
        }
        return new StreamedCsv(header, rows, bytes, peak, baseline, (System.nanoTime() - started) / 1_000_000, ordered);
    }

    /**
     * The most the heap may rise for the export to count as streamed: held in memory, the rows would take at least
     * their size in bytes (twice as Java strings), so a quarter of it, and never more than 128 MB.
     */
    public long heapBound() {
        return Math.min(bytes / 4, 128L << 20);
    }

    /** One line for the test's output: rows, size, time and heap. */
    public String summary(String what) {
        return "%s: %d rows (%d MB of CSV) in %d ms; heap above the baseline at most %d MB (baseline %d MB)".formatted(what,
                rows, bytes >> 20, millis, peakHeap >> 20, baselineHeap >> 20);
    }
}
