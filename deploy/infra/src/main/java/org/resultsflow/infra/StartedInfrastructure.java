package org.resultsflow.infra;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

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
                if (dockerEngineConfigured() && DockerClientFactory.instance().isDockerAvailable()) {
                    yield ContainerInfrastructure.start();
                }
                LOG.log(Level.INFO, "No Docker engine: starting embedded Kafka and PostgreSQL ({0}=auto)", MODE_PROPERTY);
                yield EmbeddedInfrastructure.start();
            }
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be embedded, containers or auto, not '" + mode + "'");
        };
    }

    /**
     * Whether a Docker engine could be there at all. Asking Testcontainers when none is configured makes
     * it log an error on every run of the tests, which reads like a failure when it is the normal case.
     */
    private static boolean dockerEngineConfigured() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        return Stream.of(Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
                        home.resolve(".testcontainers.properties"))
                .anyMatch(Files::exists);
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
