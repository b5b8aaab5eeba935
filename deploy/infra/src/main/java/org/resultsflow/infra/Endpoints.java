package org.resultsflow.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a running broker and server are, plus a PostgreSQL superuser to create databases with. It is also the
 * {@link Infrastructure} view of infrastructure someone else owns: {@link #close()} does nothing.
 */
record Endpoints(String kafkaBootstrapServers, String postgresHost, int postgresPort,
                 String adminUser, String adminPassword) implements Infrastructure {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Serializes role/database creation across connections: neither CREATE has an IF NOT EXISTS. */
    private static final long CREATE_LOCK = 0x7265_7375_6c74_73L; // "results"
    private static final String SEPARATOR = "|";

    @Override
    public Database database(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + NAME + ": '" + name + "'");
        }
        // Validated name: safe to splice into DDL, which takes no bind parameters.
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/postgres", adminUser, adminPassword);
             Statement ddl = admin.createStatement()) {
            ddl.execute("SELECT pg_advisory_lock(" + CREATE_LOCK + ")"); // released when the session ends
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                ddl.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                ddl.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new Database(name, name, name, postgresHost, postgresPort);
    }

    @Override
    public void close() {
        // Not ours to stop.
    }

    /** One-line form, to hand the endpoints to another class loader through a system property. */
    String encode() {
        return String.join(SEPARATOR, kafkaBootstrapServers, postgresHost, String.valueOf(postgresPort),
                adminUser, adminPassword);
    }

    static Endpoints decode(String encoded) {
        String[] f = encoded.split(Pattern.quote(SEPARATOR), -1);
        return new Endpoints(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]);
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
