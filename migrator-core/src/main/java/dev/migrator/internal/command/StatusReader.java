package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.List;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationStatus;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.resolve.ResolvedMigration;

/** Reads the history table (if there is one) and merges it with the files. */
final class StatusReader {

    private StatusReader() {
    }

    /**
     * Reads the history table while the files are still being resolved, then merges both.
     * A resolution failure is thrown before a failure to read the history, as when the
     * files were resolved first.
     */
    static Snapshot read(Session session, FileResolution files) throws SQLException {
        List<HistoryEntry> rows = readHistory(session, files);
        return of(session, files.join(), rows);
    }

    /**
     * The history rows ({@code null} when there is no history table), read while the
     * files are being resolved; afterwards {@link FileResolution#join()} returns the
     * files at once. Failures come as in {@link #read}.
     */
    static List<HistoryEntry> readHistory(Session session, FileResolution files) throws SQLException {
        return files.beforeJoin(() -> session.history().readIfExists(session.connection()));
    }

    /** The picture from the history rows, {@code null} when there is no history table. */
    static Snapshot of(Session session, List<ResolvedMigration> files, List<HistoryEntry> rowsOrNull) {
        boolean exists = rowsOrNull != null;
        List<HistoryEntry> rows = exists ? rowsOrNull : List.of();
        MigrationStatus status = StatusCalculator.calculate(session.history().schema(), session.history().table(),
                files, rows);
        return new Snapshot(files, exists, rows, status);
    }

    /**
     * The picture a command acts on.
     *
     * @param files the resolved files
     * @param tableExists whether the history table exists
     * @param rows its rows
     * @param status the merged status
     */
    record Snapshot(List<ResolvedMigration> files, boolean tableExists, List<HistoryEntry> rows,
            MigrationStatus status) {
    }

}
