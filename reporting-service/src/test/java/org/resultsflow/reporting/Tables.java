package org.resultsflow.reporting;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.resultsflow.infra.Database;
import org.resultsflow.infra.SharedInfrastructure;
import org.resultsflow.reporting.store.ReadModelTables;

/** The reporting database seen directly: full dumps of the read models, and what the consumer has processed. */
public final class Tables {

    private Tables() {
    }

    /** Every row of every read-model table, every column, in a fixed order. */
    public static Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (ReadModelTables.Table table : ReadModelTables.ALL) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table.name() + " ORDER BY "
                        + table.order())) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(i == 1 ? "" : " | ").append(rs.getMetaData().getColumnName(i)).append('=')
                                    .append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                dump.put(table.name(), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump;
    }

    public static boolean processed(String eventId) {
        try (Connection connection = connect();
                var statement = connection.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement on the read models (a test's own rows), returning the rows it changed. */
    public static int execute(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        Database db = SharedInfrastructure.get().database("reporting");
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /** An office no other test uses: upper-case letters, so ids still match the outcome id pattern. */
    public static String uniqueOffice() {
        StringBuilder office = new StringBuilder("T");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit).limit(6)
                .forEach(c -> office.append((char) ('A' + Character.digit(c, 16))));
        return office.toString();
    }
}
