package org.resultsflow.infra;

import java.lang.System.Logger.Level;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/** Infrastructure this JVM started and will stop; knows its {@link Endpoints}, admin credentials included. */
abstract sealed class StartedInfrastructure implements Infrastructure
        permits EmbeddedInfrastructure, ContainerInfrastructure {

    private static final System.Logger LOG = System.getLogger(StartedInfrastructure.class.getName());

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
            case "auto" -> {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    yield ContainerInfrastructure.start();
                }
                // Testcontainers has just logged an error about the missing engine; say that it is expected.
                LOG.log(Level.INFO, "No Docker engine: starting embedded Kafka and PostgreSQL ({0}=auto)", MODE_PROPERTY);
                yield EmbeddedInfrastructure.start();
            }
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
