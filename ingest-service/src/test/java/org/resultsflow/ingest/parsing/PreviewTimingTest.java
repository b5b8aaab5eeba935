package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Prints how long one parse of each sample takes after warm-up (the preview endpoint's cost). */
class PreviewTimingTest {

    @Test
    void oneParseAfterWarmUp() throws Exception {
        DocumentParser parser = new DocumentParser(ParserLimits.defaults());
        byte[] pdf = TestPdfs.write(Samples.lines(Samples.S004)).pdf;
        for (int i = 0; i < 20; i++) {
            for (String s : Samples.ALL) {
                parser.parse(Samples.bytes(s), "text/plain");
            }
            parser.parse(pdf, "application/pdf");
        }
        StringBuilder report = new StringBuilder("parse time after warm-up:");
        for (String s : Samples.ALL) {
            byte[] b = Samples.bytes(s);
            long t0 = System.nanoTime();
            parser.parse(b, "text/plain");
            long us = (System.nanoTime() - t0) / 1000;
            report.append(String.format("%n  %s (%d bytes): %.2f ms", s, b.length, us / 1000.0));
            assertTrue(us < 2_000_000, s + " took " + us + " us");
        }
        long t0 = System.nanoTime();
        parser.parse(pdf, "application/pdf");
        long us = (System.nanoTime() - t0) / 1000;
        report.append(String.format("%n  004 as PDF (%d bytes): %.2f ms", pdf.length, us / 1000.0));
        System.out.println(report);
    }
}
