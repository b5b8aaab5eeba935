package org.resultsflow.infra;

import java.lang.System.Logger.Level;

/**
 * The one {@link Infrastructure} of this JVM: started on first use, stopped by a shutdown hook, so every test
 * class of a module's test JVM shares one broker and one database server.
 *
 * <p>Quarkus may load this class more than once in a test JVM (one class loader per application it boots), and
 * a static field is per class loader. So the started instance publishes its endpoints in a system property,
 * which is per JVM, and later copies of this class attach to them instead of starting another pair.
 */
public final class SharedInfrastructure {

    private static final System.Logger LOG = System.getLogger(SharedInfrastructure.class.getName());
    private static final String ENDPOINTS_PROPERTY = "resultsflow.infra.shared";
    /** A lock that is the same object in every class loader: string literals are interned JVM-wide. */
    private static final Object JVM_LOCK = "org.resultsflow.infra.SharedInfrastructure.lock";

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    /** The shared instance; {@link Infrastructure#close()} on it does nothing useful, the shutdown hook stops it. */
    public static Infrastructure get() {
        synchronized (JVM_LOCK) {
            if (instance == null) {
                instance = attachOrStart();
            }
            return instance;
        }
    }

    private static Infrastructure attachOrStart() {
        String published = System.getProperty(ENDPOINTS_PROPERTY);
        if (published != null) {
            return Endpoints.decode(published);
        }
        StartedInfrastructure started = StartedInfrastructure.startConfigured();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "resultsflow-infra-stop"));
        System.setProperty(ENDPOINTS_PROPERTY, started.endpoints.encode());
        LOG.log(Level.INFO, "Shared infrastructure for this JVM: Kafka at {0}, PostgreSQL at {1}:{2,number,#}",
                started.endpoints.kafkaBootstrapServers(), started.endpoints.postgresHost(),
                started.endpoints.postgresPort());
        return started.endpoints; // close() on the view is a no-op; the hook owns stopping
    }
}
