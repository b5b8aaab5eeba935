package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: prints how long a parse of each sample takes after warm-up (the preview
 * endpoint's cost) next to a baseline measured in the same run — decoding the same bytes into lines,
 * which any reading of the document must do — and their ratio, and the parser's throughput over all samples in
 * MB per CPU second of the process (each parse runs on a thread of its own under its time bound, so the
 * process's CPU time is what parsing costs, collection and compilation included): MB/s per core. Nothing here
 * fails on a slow machine.
 */
class ParseSpeedTest {

    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 30;

    @Test
    void parseTimeAgainstDecodingTheSameBytes() throws Exception {
        DocumentParser parser = new DocumentParser(ParserLimits.defaults());
        byte[] pdf = TestPdfs.write(Samples.lines(Samples.S004)).pdf;
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (String s : Samples.ALL) {
                parser.parse(Samples.bytes(s), "text/plain");
                baseline(Samples.bytes(s));
            }
            parser.parse(pdf, "application/pdf");
        }
        StringBuilder report = new StringBuilder(String.format("parse time, mean of %d runs after warm-up:", MEASURED_ROUNDS));
        for (String s : Samples.ALL) {
            byte[] bytes = Samples.bytes(s);
            double parseMs = meanMillis(() -> assertFalse(parser.parse(bytes, "text/plain").outcomes().isEmpty()));
            double baselineMs = meanMillis(() -> baseline(bytes));
            report.append(String.format("%n  %s (%,d bytes): parse %.2f ms, decode-into-lines baseline %.3f ms, ratio %.0fx",
                    s, bytes.length, parseMs, baselineMs, parseMs / baselineMs));
        }
        double pdfMs = meanMillis(() -> assertFalse(parser.parse(pdf, "application/pdf").indicators().isEmpty()));
        double textMs = meanMillis(() -> parser.parse(Samples.bytes(Samples.S004), "text/plain"));
        report.append(String.format("%n  %s as PDF (%,d bytes): %.2f ms, %.1fx its text form", Samples.S004, pdf.length,
                pdfMs, pdfMs / textMs));
        report.append(String.format("%n  all samples, one after another: %.1f MB per CPU second", megabytesPerCpuSecond(parser)));
        System.out.println(report);
    }

    private static double megabytesPerCpuSecond(DocumentParser parser) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = 0;
        long cpuStarted = os.getProcessCpuTime();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            for (String s : Samples.ALL) {
                byte[] sample = Samples.bytes(s);
                parser.parse(sample, "text/plain");
                bytes += sample.length;
            }
        }
        return bytes / 1e6 / ((os.getProcessCpuTime() - cpuStarted) / 1e9);
    }

    private static int baseline(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).split("\\R", -1).length;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double meanMillis(Work work) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e6 / MEASURED_ROUNDS;
    }
}
