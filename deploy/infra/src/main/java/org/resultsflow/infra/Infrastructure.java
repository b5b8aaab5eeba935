package org.resultsflow.infra;

/**
 * A running Kafka broker and PostgreSQL server.
 *
 * <p>{@link #start()} picks the implementation from the system property {@code resultsflow.infra} (or the
 * environment variable {@code RESULTSFLOW_INFRA}): {@code embedded}, {@code containers} or {@code auto}
 * (the default: Testcontainers when a Docker engine answers, else embedded).
 */
public interface Infrastructure extends AutoCloseable {

    String MODE_PROPERTY = "resultsflow.infra";

    /** Kafka {@code bootstrap.servers}, e.g. {@code localhost:39123}. */
    String kafkaBootstrapServers();

    /**
     * The database {@code name} with a login role {@code name} (password {@code name}) owning it, created if
     * missing. Idempotent, and safe to call concurrently (also from other JVMs on the same server).
     *
     * @param name lower-case SQL identifier: {@code [a-z][a-z0-9_]*}
     */
    Database database(String name);

    /** Stops what this instance started and deletes its data. */
    @Override
    void close();

    /** Starts a broker and a server, the kind chosen by {@value #MODE_PROPERTY}; see the class comment. */
    static Infrastructure start() {
        return StartedInfrastructure.startConfigured();
    }
}
