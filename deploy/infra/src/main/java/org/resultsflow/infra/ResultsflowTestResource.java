package org.resultsflow.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the JVM's {@link SharedInfrastructure}: a real broker and the service's own database.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = ResultsflowTestResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "catalog"))
 * class CatalogTest { ... }
 * }</pre>
 */
public class ResultsflowTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(ResultsflowTestResource.class.getSimpleName()
                    + " needs the init arg '" + DATABASE_ARG + "', e.g. @ResourceArg(name = \"database\", value = \"catalog\")");
        }
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = SharedInfrastructure.get();
        Database db = infra.database(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                // The broker and database are here already; Dev Services would start containers (or fail trying).
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The shared infrastructure outlives every test class; a shutdown hook stops it with the JVM.
    }
}
