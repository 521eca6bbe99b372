package dev.migrator.internal.command;

import java.sql.SQLException;

import dev.migrator.MigrationStatus;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;

/** {@code status}: the files merged with the history table; reads only, takes no lock. */
final class StatusCommand implements CommandBody<MigrationStatus> {

    @Override
    public MigrationStatus run(Session session, FileResolution files) throws SQLException {
        return StatusReader.read(session, files).status();
    }

}
