package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationType;
import dev.migrator.RepairResult;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.history.HistoryNotes;
import dev.migrator.internal.history.HistoryTable;

/**
 * {@code repair}: accepts the current checksums of changed migrations and clears partly
 * applied non-transactional failures, by appending audit rows (see {@link HistoryNotes});
 * old rows are never edited.
 */
final class RepairCommand implements CommandBody<RepairResult> {

    private static final Logger logger = LoggerFactory.getLogger(RepairCommand.class);

    @Override
    public RepairResult run(Session session, FileResolution files) throws SQLException {
        StatusReader.Snapshot snapshot = StatusReader.read(session, files);
        List<String> accepted = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        if (!snapshot.tableExists()) {
            return new RepairResult(accepted, cleared);
        }
        HistoryTable history = session.history();
        for (MigrationInfo m : snapshot.status().migrations()) {
            if (m.state() == MigrationState.CHANGED) {
                history.append(session.connection(),
                        new HistoryTable.NewRow(m.versionText(), m.description(), m.type(), m.script(), m.checksum(),
                                true, 0, HistoryNotes.REPAIR + "accepted checksum " + m.checksum() + " (applied with "
                                        + m.recordedChecksum() + ")"));
                logger.info("Repair: accepted the edited file {} (version {})", m.script(), m.versionText());
                accepted.add(m.script());
            }
            else if (Validator.partialFailure(m) != null) {
                history.append(session.connection(), new HistoryTable.NewRow(m.versionText(), m.description(),
                        MigrationType.ROLLBACK, m.script(), m.checksum(), true, 0, HistoryNotes.REPAIR
                                + "cleared the failed non-transactional attempt; the migration is pending again"));
                logger.info("Repair: cleared the failed attempt of {}; it is pending again", m.script());
                cleared.add(m.script());
            }
        }
        return new RepairResult(accepted, cleared);
    }

}
