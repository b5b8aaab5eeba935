package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml held to the same invariants as the Kubernetes manifests. */
class ComposeTest {

    static JsonNode compose;
    static JsonNode services;

    @BeforeAll
    static void parse() {
        // SnakeYAML resolves anchors and aliases (<<: *x, *x) as Docker Compose does; then a Jackson tree.
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Project.read(Project.root().resolve("docker-compose.yml")));
        compose = Manifests.YAML.valueToTree(loaded);
        services = compose.path("services");
        assertTrue(services.isObject(), "docker-compose.yml has no services");
    }

    static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertFalse(service.isMissingNode(), "docker-compose.yml has no service " + name);
        return service;
    }

    /** The environment in either compose form (map or list of NAME=value). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            });
        }
        return env;
    }

    @Test
    void everyServiceVariableMapsToAConfigurationKey() {
        List<String> problems = new ArrayList<>();
        int variables = 0;
        for (ServiceConfig service : Project.services()) {
            for (String variable : environment(service(service.name())).keySet()) {
                variables++;
                String problem = EnvKeys.problem(service, variable);
                if (problem != null) {
                    problems.add("docker-compose.yml service " + service.name() + ": " + problem);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        System.out.printf("ComposeTest: %d variables of %d compose services map to configuration keys%n", variables, Project.SERVICES.size());
    }

    @Test
    void imagesPortsHealthChecksAndDependenciesAgreeWithTheServices() {
        for (ServiceConfig service : Project.services()) {
            JsonNode node = service(service.name());
            String where = "docker-compose.yml service " + service.name();
            Map<String, String> env = environment(node);
            int port = env.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(env.get("QUARKUS_HTTP_PORT")) : service.httpPort();
            assertEquals(service.httpPort(), port, where + ": QUARKUS_HTTP_PORT must equal quarkus.http.port " + service.httpPort()
                    + " (the local run's port)");
            Set<String> ports = new TreeSet<>();
            node.path("ports").forEach(p -> ports.add(p.asText()));
            assertTrue(ports.contains(port + ":" + port), where + " must publish " + port + ":" + port + ", the local run's port; has " + ports);

            assertTrue(node.path("image").asText().matches("resultsflow/" + service.artifactId() + ":[A-Za-z0-9._-]+"),
                    where + ": image must be resultsflow/" + service.artifactId() + ":<tag>, as README's docker build names it");
            assertEquals("./" + service.name(), node.path("build").path("context").asText(), where + ": build context is the module");
            String dockerfile = node.path("build").path("dockerfile").asText();
            assertTrue(Files.isRegularFile(Project.root().resolve(service.name()).resolve(dockerfile)), where + ": build dockerfile "
                    + dockerfile + " does not exist in " + service.name());

            String healthcheck = node.path("healthcheck").path("test").toString();
            assertTrue(healthcheck.contains("/q/health/live"), where + " needs a healthcheck on /q/health/live");
            assertTrue(healthcheck.contains(String.valueOf(port)) || (healthcheck.contains("QUARKUS_HTTP_PORT") && env.containsKey("QUARKUS_HTTP_PORT")),
                    where + ": the healthcheck must probe port " + port);

            for (String dependency : List.of("kafka", "postgres")) {
                assertEquals("service_healthy", node.path("depends_on").path(dependency).path("condition").asText(),
                        where + " must depend on " + dependency + " with condition service_healthy");
                assertFalse(service(dependency).path("healthcheck").isMissingNode(), "docker-compose.yml: " + dependency + " needs a healthcheck");
            }
            if (Expectations.verifiesJwt(service)) {
                String location = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
                assertNotNull(location, where + " verifies bearer tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION");
                assertTrue(mounts(node).values().stream().anyMatch(target -> location.startsWith(target + "/") || location.equals(target)),
                        where + ": " + location + " is not inside any mounted volume");
            }
        }
        System.out.printf("ComposeTest: images, ports, health checks and dependencies of %d compose services checked%n", Project.SERVICES.size());
    }

    /** Volume mounts as source -> container path. */
    static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new TreeMap<>();
        service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2) {
                mounts.put(parts[0], parts[1]);
            }
        });
        return mounts;
    }

    @Test
    void servicesReachKafkaAndTheirOwnDatabase() throws IOException {
        Map<String, String> kafka = environment(service("kafka"));
        Matcher internal = Pattern.compile("INTERNAL://([^,]+)").matcher(kafka.getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""));
        assertTrue(internal.find(), "docker-compose.yml kafka: KAFKA_ADVERTISED_LISTENERS needs an INTERNAL listener for the services");
        assertTrue(kafka.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").contains("://localhost:9092"),
                "docker-compose.yml kafka: subscribers on this machine need a listener advertised as localhost:9092");
        assertTrue(service("kafka").path("ports").toString().contains("9092:9092"), "docker-compose.yml kafka must publish 9092");
        String init = Files.readString(Project.root().resolve("deploy/compose/postgres/init-databases.sh"));
        for (ServiceConfig service : Project.services()) {
            Map<String, String> env = environment(service(service.name()));
            String where = "docker-compose.yml service " + service.name();
            assertEquals(internal.group(1), env.get("KAFKA_BOOTSTRAP_SERVERS"), where + ": KAFKA_BOOTSTRAP_SERVERS must be kafka's INTERNAL listener");
            String db = service.databaseName();
            assertEquals("postgresql://postgres:5432/" + db, env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), where + ": reactive URL");
            assertEquals("jdbc:postgresql://postgres:5432/" + db, env.get("QUARKUS_DATASOURCE_JDBC_URL"), where + ": JDBC URL");
            String user = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", service.properties().get("quarkus.datasource.username"));
            String password = env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", service.properties().get("quarkus.datasource.password"));
            assertTrue(init.contains("for service in") && init.matches("(?s).*for service in [^;\\n]*\\b" + db + "\\b.*"),
                    "deploy/compose/postgres/init-databases.sh must create database " + db);
            assertEquals(db, user, where + ": the init script creates role = database name; username must be " + db);
            assertEquals(user, password, where + ": the init script gives each role its name as development password");
        }
        System.out.printf("ComposeTest: Kafka and database connections of %d compose services checked%n", Project.SERVICES.size());
    }

    static final Pattern CREATE = Pattern.compile("^create\\s+(\\S+)\\s+(\\d+)(.*)$", Pattern.MULTILINE);

    @Test
    void everyChannelTopicIsCreatedAndCatalogChangesIsCompacted() throws IOException {
        JsonNode topics = service("kafka-topics");
        assertTrue(topics.path("entrypoint").toString().contains("create-topics.sh"), "docker-compose.yml kafka-topics must run create-topics.sh");
        Path script = Project.root().resolve("deploy/compose/kafka/create-topics.sh");
        Map<String, String> created = new TreeMap<>();
        Matcher m = CREATE.matcher(Files.readString(script));
        while (m.find()) {
            created.put(m.group(1), m.group(3));
        }
        Set<String> used = new TreeSet<>();
        for (ServiceConfig service : Project.services()) {
            for (String topic : service.topics()) {
                used.add(topic);
                assertTrue(created.containsKey(topic), "deploy/compose/kafka/create-topics.sh does not create " + topic + ", used by " + service);
            }
            assertEquals("service_completed_successfully", service(service.name()).path("depends_on").path("kafka-topics").path("condition").asText(),
                    "docker-compose.yml service " + service + " must wait for kafka-topics (auto-creation is off)");
        }
        assertEquals(used, created.keySet(), "deploy/compose/kafka/create-topics.sh creates topics no channel uses");
        assertTrue(created.get(KafkaTopicsTest.CHANGES).contains("cleanup.policy=compact"), "create-topics.sh: catalog.changes must be compacted");
        assertEquals("false", environment(service("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "docker-compose.yml kafka: auto-creation off");
        System.out.printf("ComposeTest: %d topics created for %d channel topics%n", created.size(), used.size());
    }

    @Test
    void samplesAreIngestedWithATokenFromAnUncommittedKey() throws IOException {
        JsonNode samples = service("ingest-samples");
        String entrypoint = samples.path("entrypoint").toString();
        ServiceConfig ingest = Project.service("ingest-service");
        assertTrue(entrypoint.contains("http://ingest-service:" + ingest.httpPort()), "ingest-samples must post to ingest-service:" + ingest.httpPort());
        assertTrue(mounts(samples).containsKey("./deploy/samples"), "ingest-samples must mount ./deploy/samples");
        for (String s : Project.SERVICES) {
            assertEquals("service_healthy", samples.path("depends_on").path(s).path("condition").asText(), "ingest-samples must wait for healthy " + s);
        }
        String ignore = Files.readString(Project.root().resolve("deploy/compose/jwt/.gitignore"));
        assertTrue(ignore.lines().anyMatch(l -> l.trim().equals("*.pem")), "deploy/compose/jwt/.gitignore must ignore *.pem: keys are never committed");
        assertTrue(Files.isRegularFile(Project.root().resolve("deploy/compose/samples/Samples.java")), "deploy/compose/samples/Samples.java is missing");
        System.out.println("ComposeTest: sample ingest one-shot and JWT key handling checked");
    }
}
