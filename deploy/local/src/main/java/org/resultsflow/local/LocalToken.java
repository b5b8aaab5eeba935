package org.resultsflow.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A key pair made for one local run, and bearer tokens signed with it: the services verify tokens with
 * the public key, the launcher and its user hold the token. Nothing here is a secret worth keeping.
 */
public final class LocalToken {

    public static final String ISSUER = "resultsflow";

    private final KeyPair keys;

    private LocalToken(KeyPair keys) {
        this.keys = keys;
    }

    public static LocalToken generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new LocalToken(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime can make RSA keys", e);
        }
    }

    /** Writes the public key as PEM, the form the services read. */
    public Path writePublicKey(Path file) throws IOException {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.createDirectories(file.getParent());
        return Files.writeString(file, pem);
    }

    /** An RS256 JWT for {@code subject} with the given roles ({@code groups}). */
    public String mint(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return mint(subject, roles, ISSUER, now, now.plus(lifetime));
    }

    /** Any token, also ones the services must refuse: another issuer, already expired. */
    public String mint(String subject, List<String> roles, String issuer, Instant issuedAt, Instant expiresAt) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":[" + String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList()) + "],"
                + "\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond() + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(keys.getPrivate(), signingInput));
    }

    private static byte[] sign(PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
