package org.resultsflow.ingest.parsing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise the bytes are UTF-8 when they
 * are valid UTF-8, else the declared charset when one is declared, else Windows-1252 (what older portal
 * exports and office tools write). Content with NUL bytes or many control characters is not text.
 */
final class TextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String declaredCharset) throws DocumentRejectedException {
        if (bytes.length == 0) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the document is empty");
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8);
            if (text == null) {
                throw binary("the document starts with a UTF-8 byte-order mark but is not valid UTF-8");
            }
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE);
        } else {
            for (byte b : bytes) {
                if (b == 0) {
                    throw binary("the document contains NUL bytes: it is binary, not text");
                }
            }
            text = strict(bytes, 0, StandardCharsets.UTF_8);
            if (text == null) {
                Charset declared = supported(declaredCharset);
                Charset fallback = declared != null && !declared.equals(StandardCharsets.UTF_8) ? declared : WINDOWS_1252;
                text = new String(bytes, fallback);
            }
        }
        if (text == null) {
            throw binary("the document is not valid text in the encoding its byte-order mark declares");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        checkNotBinary(text);
        if (text.isBlank()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the document holds only whitespace");
        }
        return text;
    }

    /** Rejects text with NULs or more than a few control characters (beyond tab, line breaks, form feed). */
    static void checkNotBinary(String text) throws DocumentRejectedException {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw binary("the document contains NUL characters: it is binary, not text");
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (!allowed && (Character.getType(c) == Character.CONTROL || c == '\uFFFD')) {
                controls++;
            }
        }
        if (controls > 2 && controls * 200L > text.length()) {
            throw binary("the document is mostly control characters (" + controls + " of " + text.length()
                    + "): it is binary, not text");
        }
    }

    private static DocumentRejectedException binary(String message) {
        return new DocumentRejectedException(DocumentRejectedException.Reason.BINARY, message);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, int offset, Charset cs) {
        CharsetDecoder d = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset supported(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
