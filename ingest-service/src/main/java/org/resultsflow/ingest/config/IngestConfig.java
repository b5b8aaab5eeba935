package org.resultsflow.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits that protect the service from documents it cannot or should not take. */
@ConfigMapping(prefix = "resultsflow.ingest")
public interface IngestConfig {

    /** Larger documents are refused with 413 before any parsing. */
    @WithDefault("20M")
    MemorySize maxDocumentSize();

    /** Text extraction from one PDF stops after this long (a hostile PDF must not hold a worker). */
    @WithDefault("10S")
    Duration pdfTimeout();

    /** Reading the text of one document (after PDF extraction) stops after this long: 422, the service keeps serving. */
    @WithDefault("2S")
    Duration parseTimeout();

    /** PDF objects beyond this much main memory go to a temporary file. */
    @WithDefault("64M")
    MemorySize pdfMemory();
}
