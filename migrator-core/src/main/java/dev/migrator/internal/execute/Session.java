package dev.migrator.internal.execute;

import java.sql.Connection;

import dev.migrator.MigratorConfig;
import dev.migrator.internal.history.HistoryTable;
import dev.migrator.internal.sql.ScriptExecutor;

/**
 * What one command run works with: its connection (holding the advisory lock for commands
 * that change anything), the history table, the settings, and the run itself (which
 * command, whether it was cancelled); its executor tells the run which statement is in
 * flight.
 */
public record Session(Connection connection, HistoryTable history, MigratorConfig config, Listeners listeners,
        ScriptExecutor executor, RunningCommand run) {
}
