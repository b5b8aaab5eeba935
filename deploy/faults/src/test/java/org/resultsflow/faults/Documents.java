package org.resultsflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Distinct documents made from the samples, each known by its number: the office code {@code MEX} becomes a
 * synthetic code ({@code QAA}, {@code QAB}, ...) and the global indicator codes {@code SP_D_0.x} get the
 * document's number, so no two documents share an outcome, indicator or budget and nothing deduplicates
 * across documents. Even numbers are outcome pages (indicators, observations, budgets), odd numbers
 * progress-notes lists (five outcomes with notes).
 */
final class Documents {

    static final Path SAMPLES = FaultStack.PROJECT.resolve("deploy/samples");
    private static final String OUTCOME_PAGE = read("001_32a555cdcd01bebc.txt");
    private static final String PROGRESS_NOTES = read("000_e25761c67d39ad5b.txt");
    private static final Pattern GLOBAL_CODE = Pattern.compile("SP_D_\\d+\\.");

    /** One document: its number, office code, template, bytes and id (SHA-256 of the bytes, as ingest names it). */
    record Doc(int number, String office, boolean outcomePage, byte[] bytes, String id) {

        /** A key of this document's records with its own codes replaced, comparable across documents. */
        String normalise(String key) {
            return GLOBAL_CODE.matcher(key.replace(office + "_", "{OFFICE}_")).replaceAll("SP_D_{N}.");
        }

        String name() {
            return "fault-" + number + (outcomePage ? "-outcome-page.txt" : "-progress-notes.txt");
        }
    }

    private Documents() {
    }

    static Doc make(int number) {
        if (number < 0 || number >= 26 * 26) {
            throw new IllegalArgumentException("document numbers go from 0 to 675");
        }
        String office = "Q" + (char) ('A' + number / 26) + (char) ('A' + number % 26);
        boolean outcomePage = number % 2 == 0;
        String text = (outcomePage ? OUTCOME_PAGE : PROGRESS_NOTES).replace("MEX_", office + "_")
                .replace("SP_D_0.", "SP_D_" + (number + 1) + ".");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Doc(number, office, outcomePage, bytes, sha256(bytes));
    }

    private static String read(String sample) {
        try {
            return Files.readString(SAMPLES.resolve(sample), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
