package dev.migrator.internal.command;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The session settings a connection had before a run (e.g. set by a pool's init SQL), so that after each migration
 * {@code RESET ALL} can undo whatever the migration set and these can be put back.
 */
final class SessionSettings {

    private final String[] names;

    private final String[] values;

    private SessionSettings(List<String> names, List<String> values) {
        this.names = names.toArray(String[]::new);
        this.values = values.toArray(String[]::new);
    }

    /** Reads the settings whose source is the session. */
    static SessionSettings capture(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select name, setting from pg_settings where source = 'session'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                values.add(rs.getString(2));
            }
        }
        return new SessionSettings(names, values);
    }

    /**
     * Resets every setting a migration may have changed and restores the captured ones: one round trip (both
     * statements go to the server together).
     */
    void restore(Connection connection) throws SQLException {
        if (names.length == 0) {
            try (Statement st = connection.createStatement()) {
                st.execute("reset all");
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "reset all; select set_config(n, v, false) from unnest(?::text[], ?::text[]) as t(n, v)")) {
            Array n = connection.createArrayOf("text", names);
            Array v = connection.createArrayOf("text", values);
            ps.setArray(1, n);
            ps.setArray(2, v);
            ps.execute();
        }
    }
}
