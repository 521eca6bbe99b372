package dev.migrator.internal.command;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorException;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.history.HistoryTable;

/**
 * {@code baseline}: records that an existing database is at a version; only on an empty
 * history.
 */
final class BaselineCommand implements CommandBody<Void> {

    private static final Logger logger = LoggerFactory.getLogger(BaselineCommand.class);

    private final MigrationVersion version;

    private final String description;

    BaselineCommand(MigrationVersion version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public Void run(Session session, FileResolution files) throws SQLException {
        HistoryTable history = session.history();
        if (history.exists(session.connection())) {
            int rows = history.read(session.connection()).size();
            if (rows > 0) {
                throw new MigratorException("Cannot baseline " + history.qualifiedName() + " at version " + this.version
                        + ": its history is not empty (" + rows + " rows). Baseline only a database that has never "
                        + "been migrated by migrator.");
            }
        }
        else {
            history.create(session.connection(),
                    session.config().getSchema() != null && session.config().isCreateSchema());
        }
        history.append(session.connection(), new HistoryTable.NewRow(this.version.toString(), this.description,
                MigrationType.BASELINE, this.description, null, true, 0, null));
        logger.info("Baselined schema {} at version {} ({})", history.schema(), this.version, this.description);
        return null;
    }

}
