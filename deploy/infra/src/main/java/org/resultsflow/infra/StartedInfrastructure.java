package org.resultsflow.infra;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Infrastructure this JVM started and will stop; knows its {@link Endpoints}, admin credentials included. */
abstract sealed class StartedInfrastructure implements Infrastructure
        permits EmbeddedInfrastructure, ContainerInfrastructure {

    final Endpoints endpoints;

    StartedInfrastructure(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** See {@link Infrastructure#start()}. */
    static StartedInfrastructure startConfigured() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("RESULTSFLOW_INFRA", "auto"));
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EmbeddedInfrastructure.start();
            case "containers" -> ContainerInfrastructure.start();
            case "auto" -> DockerClientFactory.instance().isDockerAvailable()
                    ? ContainerInfrastructure.start()
                    : EmbeddedInfrastructure.start();
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be embedded, containers or auto, not '" + mode + "'");
        };
    }

    @Override
    public final String kafkaBootstrapServers() {
        return endpoints.kafkaBootstrapServers();
    }

    @Override
    public final Database database(String name) {
        return endpoints.database(name);
    }
}
