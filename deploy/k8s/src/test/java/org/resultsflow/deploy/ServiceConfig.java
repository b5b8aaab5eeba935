package org.resultsflow.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One service's configuration as its application.properties declares it (prod profile), plus what its
 * colleagues are adding in parallel ({@link Expectations}).
 */
record ServiceConfig(String name, String artifactId, Path dir, Path propertiesFile, Map<String, String> properties,
        int httpPort, Map<String, Channel> incomingDeclared, Map<String, Channel> outgoingDeclared,
        Set<String> pomArtifactIds) {

    /** A Kafka channel: its topics (one, but an incoming channel may read several) and, for incoming channels, its consumer group. */
    record Channel(String name, List<String> topics, String groupId) {
    }

    Map<String, Channel> incoming() {
        return new TreeMap<>(incomingDeclared);
    }

    Map<String, Channel> outgoing() {
        return new TreeMap<>(outgoingDeclared);
    }

    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        incoming().values().forEach(c -> topics.addAll(c.topics()));
        outgoing().values().forEach(c -> topics.addAll(c.topics()));
        return topics;
    }

    /** The database name in the configured URLs (the last path segment of quarkus.datasource.reactive.url). */
    String databaseName() {
        String url = properties.get("quarkus.datasource.reactive.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    boolean hasExtension(String artifactId) {
        return pomArtifactIds.contains(artifactId);
    }

    @Override
    public String toString() {
        return name;
    }
}
