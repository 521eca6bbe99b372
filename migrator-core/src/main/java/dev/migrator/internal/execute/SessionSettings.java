package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrator.internal.sql.SqlLiteral;
import dev.migrator.internal.sql.SqlScript;

/**
 * The session settings a connection had before a run (e.g. set by a pool's init SQL), so
 * that after each migration whatever the migration set for the session is undone and
 * these are put back.
 * <p>
 * PostgreSQL lists every built-in setting in {@code pg_settings} but not custom ones
 * ({@code app.tenant}): those cannot be found, so they are never reset wholesale (a
 * {@code RESET ALL} would wipe the pool's own); the custom settings a script {@code SET}s
 * for the session are read just before it runs and put back afterwards. Reading
 * {@code pg_settings} costs the server more than most small migrations (~0.7 ms), so
 * after a script that cannot change a setting (see {@link SettingChanges}) nothing is
 * sent.
 */
public final class SessionSettings {

    private final List<Map.Entry<String, String>> captured;

    private final boolean untouched;

    private SessionSettings(List<Map.Entry<String, String>> captured, boolean untouched) {
        this.captured = List.copyOf(captured);
        this.untouched = untouched;
    }

    /** Reads the built-in settings whose source is the session. */
    public static SessionSettings capture(Connection connection) throws SQLException {
        List<Map.Entry<String, String>> captured = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select name, setting from pg_settings where source = 'session'")) {
            while (rs.next()) {
                captured.add(Map.entry(rs.getString(1), rs.getString(2)));
            }
        }
        return new SessionSettings(captured, false);
    }

    /**
     * Nothing to restore: for a script that cannot change a setting (see
     * {@link SettingChanges}).
     */
    static final SessionSettings NONE = new SessionSettings(List.of(), true);

    /**
     * These settings plus the current values of the custom settings the script sets for
     * the session (one query, only when it sets any), to restore after that script.
     */
    SessionSettings withCustomSettingsOf(Connection connection, SqlScript script) throws SQLException {
        List<String> custom = SettingChanges.customNames(script);
        if (custom.isEmpty()) {
            return this;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(this.captured);
        try (PreparedStatement ps = connection
            .prepareStatement("select n, coalesce(current_setting(n, true), '') from unnest(?::text[]) as t(n)")) {
            ps.setArray(1, connection.createArrayOf("text", custom.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(Map.entry(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new SessionSettings(all, false);
    }

    /**
     * The statements that put every built-in setting the session changed back to its
     * default and then restore the captured ones, to send after a script (in its batch,
     * after the commit).
     */
    List<String> restoreStatements() {
        if (this.untouched) {
            return List.of();
        }
        String reset = "select count(set_config(name, reset_val, false)) from pg_settings where source = 'session'";
        if (this.captured.isEmpty()) {
            return List.of(reset);
        }
        StringBuilder restore = new StringBuilder("select ");
        for (int i = 0; i < this.captured.size(); i++) {
            restore.append((i > 0) ? ", " : "")
                .append("set_config(")
                .append(SqlLiteral.text(this.captured.get(i).getKey()))
                .append(", ")
                .append(SqlLiteral.text(this.captured.get(i).getValue()))
                .append(", false)");
        }
        return List.of(reset, restore.toString());
    }

    /**
     * Runs {@link #restoreStatements()} on the connection (auto-commit): one round trip,
     * or none.
     */
    public void restore(Connection connection) throws SQLException {
        if (this.untouched) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            for (String sql : restoreStatements()) {
                st.addBatch(sql);
            }
            st.executeBatch();
        }
    }

}
