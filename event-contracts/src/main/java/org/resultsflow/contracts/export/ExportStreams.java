package org.resultsflow.contracts.export;

import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.io.OutputStream;

/** The streamed rows of an export in its formats: CSV lines as they come, and a workbook written from them. */
public final class ExportStreams {

    private ExportStreams() {
    }

    /** A header line, then a CSV line per record of {@code type}, each as the stream delivers it. */
    public static Multi<String> csv(RecordColumns columns, Class<?> type, Multi<?> rows) {
        String header = columns.csvHeader(type);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(header), rows.map(columns::csvRow));
    }

    /**
     * Writes the workbook of {@code rows} to {@code out} on the calling (worker) thread, taking the rows from the
     * stream as the writer needs them.
     */
    public static void workbook(WorkbookWriter writer, String name, Class<?> type, Multi<?> rows, OutputStream out)
            throws IOException {
        writer.write(name, type, rows.subscribe().asIterable(), out);
    }
}
