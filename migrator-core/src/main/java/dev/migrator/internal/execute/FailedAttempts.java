package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationFailedException;
import dev.migrator.internal.history.HistoryNotes;
import dev.migrator.internal.history.HistoryTable;

/**
 * Appends the {@code failed} row of a script that failed, in its own transaction; for a
 * non-transactional script that may be partly applied, over a new connection when the
 * run's connection is gone.
 */
public final class FailedAttempts {

    private static final Logger logger = LoggerFactory.getLogger(FailedAttempts.class);

    private FailedAttempts() {
    }

    /**
     * Records the failure.
     * @param attempt the row as it would be recorded (its note is replaced by the
     * failure's message)
     * @param failure the failure; what goes wrong recording it is added to it as
     * suppressed
     */
    static void record(Session session, HistoryTable.NewRow attempt, MigrationFailedException failure) {
        String note = failure.getMessage();
        if (!failure.isTransactional() && failure.getStatementsExecuted() > 0) {
            note = HistoryNotes.PARTIAL + "statement " + failure.getStatementNumber() + " of "
                    + failure.getStatementCount() + " (line " + failure.getStatementLine() + ") failed after "
                    + failure.getStatementsExecuted() + " statement(s) had been applied. " + note;
        }
        HistoryTable.NewRow row = new HistoryTable.NewRow(attempt.version(), attempt.description(), attempt.type(),
                attempt.script(), attempt.checksum(), false, attempt.durationMs(), note);
        try {
            if (!session.connection().getAutoCommit()) {
                session.connection().setAutoCommit(true);
            }
            session.history().append(session.connection(), row);
        }
        catch (SQLException ex) {
            if (failure.isTransactional()) {
                // Nothing of the migration is left; without a row the next run simply
                // applies it again.
                logger.error("Could not record the failed attempt of {} in {} (the connection may be gone): {}",
                        row.script(), session.history().qualifiedName(), ex.getMessage());
                failure.addSuppressed(ex);
            }
            else {
                onFreshConnection(session, row, failure, ex);
            }
        }
    }

    /**
     * A non-transactional migration may be partly applied: its failure must be on record
     * even when the run's connection died, so that the next run stops instead of starting
     * it again from the top.
     */
    private static void onFreshConnection(Session session, HistoryTable.NewRow row, MigrationFailedException failure,
            SQLException original) {
        try (Connection fresh = session.config().getDataSource().getConnection()) {
            fresh.setAutoCommit(true);
            session.history().append(fresh, row);
            logger.warn("Recorded the failed attempt of {} over a new connection: the run's connection failed ({})",
                    row.script(), original.getMessage());
        }
        catch (SQLException ex) {
            logger.error(
                    "Could not record the failed attempt of non-transactional {} in {}: {}. It may be partly "
                            + "applied: check it by hand before migrating again.",
                    row.script(), session.history().qualifiedName(), ex.getMessage());
            failure.addSuppressed(original);
            failure.addSuppressed(ex);
        }
    }

}
