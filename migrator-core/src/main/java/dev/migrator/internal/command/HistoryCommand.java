package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.List;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationVersion;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;

/**
 * {@code history}: every history row of one version, oldest first; reads only, takes no
 * lock.
 */
final class HistoryCommand implements CommandBody<List<HistoryEntry>> {

    private final MigrationVersion version;

    HistoryCommand(MigrationVersion version) {
        this.version = version;
    }

    @Override
    public List<HistoryEntry> run(Session session, FileResolution files) throws SQLException {
        if (!session.history().exists(session.connection())) {
            return List.of();
        }
        return session.history()
            .read(session.connection())
            .stream()
            .filter((row) -> this.version.equals(row.version()))
            .toList();
    }

}
