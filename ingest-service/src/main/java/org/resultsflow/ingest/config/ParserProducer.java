package org.resultsflow.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.resultsflow.ingest.parsing.DocumentParser;
import org.resultsflow.ingest.parsing.ParserLimits;

/** The parsers know nothing of Quarkus; this gives them their configured limits. */
public class ParserProducer {

    @Produces
    @ApplicationScoped
    DocumentParser documentParser(IngestConfig config) {
        return new DocumentParser(new ParserLimits(config.pdfTimeout(), config.pdfMemory().asLongValue(),
                config.parseTimeout()));
    }
}
