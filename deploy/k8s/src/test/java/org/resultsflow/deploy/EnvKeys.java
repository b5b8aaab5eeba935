package org.resultsflow.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Does an environment variable set for a service configure anything? Quarkus maps a variable to a key by
 * upper-casing the key and replacing every non-alphanumeric character with '_'; a variable that matches no key of
 * the service is a typo or a leftover that silently does nothing.
 *
 * <p>A variable is accepted when it maps to:
 * <ul>
 * <li>a key in the service's application.properties;</li>
 * <li>{@code kafka.<name>} where {@code <name>} is a real Kafka client configuration (producer, consumer or admin,
 * from kafka-clients itself): Quarkus passes every {@code kafka.*} key to every channel;</li>
 * <li>one of the {@link #KNOWN} keys below, each with the extension that defines it (which the service's pom must
 * declare) and the reason the deployment sets it.</li>
 * </ul>
 */
final class EnvKeys {

    record Known(String key, String extension, String reason) {
    }

    static final List<Known> KNOWN = List.of(
            new Known("quarkus.http.port", "quarkus-rest-jackson", "the deployment states the port its probes and Service use"),
            new Known("quarkus.datasource.username", "quarkus-reactive-pg-client", "credentials come from Secrets"),
            new Known("quarkus.datasource.password", "quarkus-reactive-pg-client", "credentials come from Secrets"),
            new Known("quarkus.datasource.reactive.url", "quarkus-reactive-pg-client", "the database host differs per environment"),
            new Known("quarkus.datasource.jdbc.url", "quarkus-jdbc-postgresql", "Flyway's connection, same database"),
            new Known("quarkus.datasource.reactive.postgresql.ssl-mode", "quarkus-reactive-pg-client",
                    "TLS to CloudNativePG (verify-full)"),
            new Known("quarkus.datasource.reactive.hostname-verification-algorithm", "quarkus-reactive-pg-client",
                    "verify-full needs HTTPS host name verification in the Vert.x client"),
            new Known("quarkus.datasource.reactive.trust-certificate-pem", "quarkus-reactive-pg-client",
                    "trust the CloudNativePG CA"),
            new Known("quarkus.datasource.reactive.trust-certificate-pem.certs", "quarkus-reactive-pg-client",
                    "the CloudNativePG CA file"),
            new Known("mp.jwt.verify.publickey.location", "quarkus-smallrye-jwt", "the token public key, mounted from a Secret"),
            new Known("mp.jwt.verify.publickey", "quarkus-smallrye-jwt", "the token public key as PEM content"),
            new Known("mp.jwt.verify.issuer", "quarkus-smallrye-jwt", "the token issuer"));

    /** Every Kafka client configuration name kafka-clients knows. */
    static final Set<String> KAFKA_CLIENT_CONFIGS;

    static {
        Set<String> names = new TreeSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        KAFKA_CLIENT_CONFIGS = names;
    }

    private EnvKeys() {
    }

    static String envName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    /** The keys this service accepts from the environment, by variable name (first reason wins). */
    static Map<String, String> acceptedVariables(ServiceConfig service) {
        Map<String, String> accepted = new LinkedHashMap<>();
        service.properties().keySet().forEach(k -> accepted.putIfAbsent(envName(k), k + " (application.properties)"));
        if (service.hasExtension("quarkus-messaging-kafka")) {
            KAFKA_CLIENT_CONFIGS.forEach(c -> accepted.putIfAbsent(envName("kafka." + c), "kafka." + c + " (Kafka client config)"));
        }
        for (Known known : KNOWN) {
            boolean jwt = known.key().startsWith("mp.jwt.");
            boolean available = jwt ? Expectations.verifiesJwt(service) : service.hasExtension(known.extension());
            if (available) {
                accepted.putIfAbsent(envName(known.key()), known.key() + " (" + known.reason() + ")");
            }
        }
        return accepted;
    }

    /** Null when the variable maps to a key of the service; otherwise why not. */
    static String problem(ServiceConfig service, String variable) {
        if (acceptedVariables(service).containsKey(variable)) {
            return null;
        }
        if (variable.startsWith("KAFKA_")) {
            return variable + " maps to no Kafka client configuration (kafka-clients knows no kafka."
                    + variable.substring(6).toLowerCase().replace('_', '.') + ")";
        }
        if (variable.startsWith("MP_JWT_")) {
            return variable + " is MP JWT configuration, but " + service.name() + " does not verify tokens "
                    + "(no quarkus-smallrye-jwt in its pom)";
        }
        return variable + " maps to no key in " + Project.root().relativize(service.propertiesFile())
                + " nor to a whitelisted key (EnvKeys.KNOWN)";
    }
}
