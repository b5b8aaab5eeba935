package org.resultsflow.ingest.parsing.iati;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.resultsflow.ingest.parsing.ParseWarning;

/**
 * Reading an IATI activity file in constant memory: a generated file is streamed (every activity read, mapped
 * to records and dropped) and then validated against the 2.03 schema, and the peak heap and the activities per
 * second are printed, never asserted. {@link #smoke()} runs in the suite on a small file;
 * {@code -Dresultsflow.benchmark=iati} runs {@link #twoHundredMegabytes()}.
 */
class IatiStreamingBenchmark {

    @Test
    void smoke() throws IOException {
        Result r = run(2L * 1024 * 1024);
        assertEquals(r.activities(), r.read(), "every generated activity is read");
        assertEquals(0, r.warnings(), "the generated activities are valid");
    }

    @Test
    @EnabledIfSystemProperty(named = "resultsflow.benchmark", matches = "iati")
    void twoHundredMegabytes() throws IOException {
        Result r = run(200L * 1024 * 1024);
        assertEquals(r.activities(), r.read());
    }

    record Result(long activities, long read, int warnings) {
    }

    private static Result run(long bytes) throws IOException {
        Path file = Files.createTempFile("iati-activities", ".xml");
        try {
            long activities = generate(file, bytes);
            long size = Files.size(file);
            System.gc();
            resetPeaks();
            long heapBefore = used();
            List<ParseWarning> warnings = new ArrayList<>();
            AtomicLong read = new AtomicLong();
            AtomicLong observations = new AtomicLong();
            long started = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                IatiParser.stream(in, warnings, a -> {
                    read.incrementAndGet();
                    a.indicators().forEach(i -> observations.addAndGet(i.observations().size()));
                });
            } catch (org.resultsflow.ingest.parsing.DocumentRejectedException e) {
                throw new IllegalStateException(e);
            }
            long parsed = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                IatiSchema.validate(in, warnings);
            }
            long validated = System.nanoTime();
            double readSeconds = (parsed - started) / 1e9;
            double validateSeconds = (validated - parsed) / 1e9;
            System.out.printf("IATI streaming: %,d bytes, %,d activities, %,d observations; read in %.1f s (%,.0f activities/s,"
                            + " %.1f MB/s), schema check %.1f s (%,.0f activities/s); heap before %,d KB, peak %,d KB"
                            + " (max heap %,d MB); %d warnings%n",
                    size, read.get(), observations.get(), readSeconds, read.get() / readSeconds, size / 1e6 / readSeconds,
                    validateSeconds, read.get() / validateSeconds, heapBefore / 1024, peak() / 1024,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), warnings.size());
            return new Result(activities, read.get(), warnings.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long generate(Path file, long bytes) throws IOException {
        long n = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(ActivityFiles.HEAD);
            CountingWriter counting = new CountingWriter(out);
            while (counting.count < bytes) {
                ActivityFiles.activity(counting, (int) n++);
            }
            out.write(ActivityFiles.TAIL);
        }
        return n;
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long used() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the peak heap. */
    private static long peak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Counts what is written through it, to stop generating at the size asked for. */
    private static final class CountingWriter extends Writer {
        private final Writer out;
        long count;

        CountingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count += length;
        }

        @Override
        public void write(String text) throws IOException {
            out.write(text);
            count += text.length();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
