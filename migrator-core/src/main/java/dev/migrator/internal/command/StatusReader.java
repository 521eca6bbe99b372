package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.List;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationStatus;
import dev.migrator.internal.resolve.ResolvedMigration;

/** Reads the history table (if there is one) and merges it with the files. */
final class StatusReader {

    private StatusReader() {
    }

    /**
     * The picture a command acts on.
     *
     * @param tableExists whether the history table exists
     * @param rows its rows
     * @param status the merged status
     */
    record Snapshot(boolean tableExists, List<HistoryEntry> rows, MigrationStatus status) {
    }

    static Snapshot read(Session session, List<ResolvedMigration> files) throws SQLException {
        return of(session, files, session.history().readIfExists(session.connection()));
    }

    /** The picture from the history rows, {@code null} when there is no history table. */
    static Snapshot of(Session session, List<ResolvedMigration> files, List<HistoryEntry> rowsOrNull) {
        boolean exists = rowsOrNull != null;
        List<HistoryEntry> rows = exists ? rowsOrNull : List.of();
        MigrationStatus status = StatusCalculator.calculate(session.history().schema(), session.history().table(),
                files, rows);
        return new Snapshot(exists, rows, status);
    }
}
