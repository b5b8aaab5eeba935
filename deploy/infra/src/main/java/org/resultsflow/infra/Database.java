package org.resultsflow.infra;

/**
 * A PostgreSQL database with a login role of the same name that owns it.
 *
 * @param name     database name (also the role name)
 * @param user     login role
 * @param password password of the role
 * @param host     host the server is reachable at from this machine
 * @param port     port the server is reachable at from this machine
 */
public record Database(String name, String user, String password, String host, int port) {

    /** {@code jdbc:postgresql://host:port/name}, for {@code quarkus.datasource.jdbc.url}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** {@code postgresql://host:port/name}, the form {@code quarkus.datasource.reactive.url} takes. */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }
}
