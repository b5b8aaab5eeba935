import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one-shot helpers of the Docker setup, as one JDK source file (run with {@code java Samples.java ...};
 * it needs a JDK, not a JRE, and nothing else: no openssl, no curl).
 *
 * <pre>
 *   keys   DIR                       make DIR/private-key.pem (PKCS#8) and DIR/public-key.pem (X.509) unless present
 *   token  PRIVATE_KEY GROUP [SECS]  print an RS256 JWT, iss=resultsflow, groups=[GROUP]
 *   ingest PRIVATE_KEY BASE_URL DIR  POST every DIR/*.txt to BASE_URL/api/documents as text/plain, role 'ingest'
 * </pre>
 *
 * The keys are what {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048} and
 * {@code openssl pkey -pubout} produce, so either tool can make them and either can use them.
 */
public class Samples {

    static final String ISSUER = "resultsflow";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "keys" -> {
                need(args, 2);
                keys(Path.of(args[1]));
            }
            case "token" -> {
                need(args, 3);
                long seconds = args.length > 3 ? Long.parseLong(args[3]) : 3600;
                System.out.println(token(readPrivateKey(Path.of(args[1])), args[2], seconds));
            }
            case "ingest" -> {
                need(args, 4);
                System.exit(ingest(readPrivateKey(Path.of(args[1])), args[2], Path.of(args[3])));
            }
            default -> usage();
        }
    }

    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path privateFile = dir.resolve("private-key.pem");
        Path publicFile = dir.resolve("public-key.pem");
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            System.out.println("JWT key pair present in " + dir + ": keeping it");
            return;
        }
        if (Files.exists(privateFile)) {
            // Only the private key: derive its public half, as 'openssl pkey -pubout' would.
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) readPrivateKey(privateFile);
            var publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            writePem(publicFile, "PUBLIC KEY", publicKey.getEncoded(), "rw-r--r--");
            System.out.println("Derived " + publicFile + " from the existing private key");
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), "rw-------");
        writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), "rw-r--r--");
        System.out.println("Generated a JWT key pair in " + dir);
    }

    static String token(PrivateKey key, String group, long seconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"resultsflow-samples\",\"upn\":\"resultsflow-samples\","
                + "\"groups\":[\"" + group + "\"],\"iat\":" + now + ",\"exp\":" + (now + seconds)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(signature.sign());
    }

    static int ingest(PrivateKey key, String baseUrl, Path dir) throws Exception {
        List<Path> documents;
        try (Stream<Path> files = Files.list(dir)) {
            documents = files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (documents.isEmpty()) {
            System.err.println("No *.txt documents in " + dir);
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String bearer = "Bearer " + token(key, "ingest", 3600);
        int failed = 0;
        for (Path document : documents) {
            String name = document.getFileName().toString();
            URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/documents?name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", bearer)
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(document))
                    .build();
            HttpResponse<String> response = null;
            // 503 means Kafka did not acknowledge in time and nothing was registered: posting again is safe.
            for (int attempt = 1; attempt <= 5; attempt++) {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 503) {
                    break;
                }
                Thread.sleep(2000L * attempt);
            }
            int status = response.statusCode();
            boolean ok = status == 200 || status == 201;
            System.out.println((ok ? "ok     " : "FAILED ") + status + " " + name
                    + (status == 200 ? " (already ingested)" : "") + (ok ? "" : ": " + response.body()));
            failed += ok ? 0 : 1;
        }
        System.out.println(documents.size() - failed + " of " + documents.size() + " documents ingested");
        return failed == 0 ? 0 : 2;
    }

    static PrivateKey readPrivateKey(Path file) throws Exception {
        String pem = Files.readString(file);
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException(file + " is PKCS#1; convert it: openssl pkcs8 -topk8 -nocrypt -in "
                    + file.getFileName() + " -out private-key.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static void writePem(Path file, String type, byte[] der, String permissions) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: keep its defaults.
        }
    }

    static void need(String[] args, int count) {
        if (args.length < count) {
            usage();
        }
    }

    static void usage() {
        System.err.println("usage: java Samples.java keys DIR | token PRIVATE_KEY GROUP [SECONDS] | ingest PRIVATE_KEY BASE_URL DIR");
        System.exit(64);
    }
}
