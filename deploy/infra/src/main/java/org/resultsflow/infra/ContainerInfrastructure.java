package org.resultsflow.infra;

import java.lang.System.Logger.Level;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@code apache/kafka:4.1.1} and {@code postgres:17} in Docker, through Testcontainers. */
final class ContainerInfrastructure extends StartedInfrastructure {

    private static final System.Logger LOG = System.getLogger(ContainerInfrastructure.class.getName());
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:17";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
        super(new Endpoints(kafka.getBootstrapServers(), postgres.getHost(),
                postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                postgres.getUsername(), postgres.getPassword())); // the image's superuser
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static ContainerInfrastructure start() {
        // Testcontainers' KafkaContainer already sets the single-broker replication factors and a zero
        // initial rebalance delay.
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        try {
            long t0 = System.nanoTime();
            kafka.start();
            LOG.log(Level.INFO, "Started Kafka container {0} at {1} in {2,number,#} ms",
                    KAFKA_IMAGE, kafka.getBootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            postgres.start();
            LOG.log(Level.INFO, "Started PostgreSQL container {0} at {1}:{2,number,#} in {3,number,#} ms", POSTGRES_IMAGE,
                    postgres.getHost(), postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                    (System.nanoTime() - t0) / 1_000_000);
            return new ContainerInfrastructure(kafka, postgres);
        } catch (RuntimeException e) {
            kafka.stop();
            postgres.stop();
            throw e;
        }
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
        LOG.log(Level.INFO, "Stopped the Kafka and PostgreSQL containers");
    }
}
