package org.resultsflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The project as the deployment must see it: the three services and their own configuration files. */
final class Project {

    static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "reporting-service");

    private static final Map<String, ServiceConfig> CONFIGS = new LinkedHashMap<>();

    private Project() {
    }

    static Path root() {
        String root = System.getProperty("resultsflow.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        path = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("pom.xml")) || !Files.isDirectory(path.resolve("deploy/k8s"))) {
            throw new IllegalStateException("Not the resultsflow root (no pom.xml and deploy/k8s): " + path);
        }
        return path;
    }

    static synchronized ServiceConfig service(String name) {
        return CONFIGS.computeIfAbsent(name, Project::load);
    }

    static List<ServiceConfig> services() {
        return SERVICES.stream().map(Project::service).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private static ServiceConfig load(String name) {
        Path dir = root().resolve(name);
        Path file = dir.resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        // What runs in a container is the prod profile: %prod.x overrides x, other profiles do not apply.
        Map<String, String> properties = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> properties.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod."))
                .forEach(k -> properties.put(k.substring("%prod.".length()), raw.getProperty(k)));

        Map<String, Map<String, String>> incoming = new TreeMap<>();
        Map<String, Map<String, String>> outgoing = new TreeMap<>();
        properties.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                (m.group(1).equals("incoming") ? incoming : outgoing)
                        .computeIfAbsent(m.group(2), c -> new TreeMap<>()).put(m.group(3), value);
            }
        });
        String applicationName = properties.getOrDefault("quarkus.application.name", name);
        String defaultGroup = properties.getOrDefault("kafka.group.id", applicationName);
        Map<String, ServiceConfig.Channel> in = new TreeMap<>();
        incoming.forEach((channel, attributes) -> {
            if ("smallrye-kafka".equals(attributes.get("connector"))) {
                in.put(channel, new ServiceConfig.Channel(channel, topics(channel, attributes),
                        attributes.getOrDefault("group.id", defaultGroup)));
            }
        });
        Map<String, ServiceConfig.Channel> out = new TreeMap<>();
        outgoing.forEach((channel, attributes) -> {
            if ("smallrye-kafka".equals(attributes.get("connector"))) {
                out.put(channel, new ServiceConfig.Channel(channel, topics(channel, attributes), null));
            }
        });
        String port = properties.get("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(file + " sets no quarkus.http.port: the deployment needs a fixed port");
        }
        String pom = read(dir.resolve("pom.xml"));
        Matcher artifacts = ARTIFACT_ID.matcher(pom);
        Set<String> artifactIds = new java.util.LinkedHashSet<>();
        while (artifacts.find()) {
            artifactIds.add(artifacts.group(1));
        }
        // The module's own artifactId is the first one after </parent>.
        Matcher own = ARTIFACT_ID.matcher(pom.substring(pom.indexOf("</parent>")));
        String artifactId = own.find() ? own.group(1) : name;
        return new ServiceConfig(name, artifactId, dir, file, properties, Integer.parseInt(port.trim()), in, out,
                artifactIds);
    }

    static String describe(Map<String, ServiceConfig.Channel> channels) {
        return channels.values().stream().map(c -> c.name() + "->" + String.join("+", c.topics()))
                .collect(Collectors.joining(", "));
    }

    /** A channel's topics, as SmallRye reads them: {@code topics} (comma-separated), else {@code topic}, else its name. */
    private static List<String> topics(String channel, Map<String, String> attributes) {
        String topics = attributes.get("topics");
        return topics != null ? Arrays.stream(topics.split(",")).map(String::trim).toList()
                : List.of(attributes.getOrDefault("topic", channel));
    }
}
