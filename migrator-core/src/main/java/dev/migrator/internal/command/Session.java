package dev.migrator.internal.command;

import java.sql.Connection;

import dev.migrator.MigratorConfig;
import dev.migrator.internal.history.HistoryTable;

/**
 * What one command run works with: its connection (holding the advisory lock for commands that change anything),
 * the history table, and the settings.
 */
record Session(Connection connection, HistoryTable history, MigratorConfig config, Listeners listeners,
        ScriptRunner runner) {
}
