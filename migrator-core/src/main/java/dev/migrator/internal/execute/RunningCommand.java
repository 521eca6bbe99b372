package dev.migrator.internal.execute;

import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.Command;
import dev.migrator.MigrationCancelledException;
import dev.migrator.MigrationFailedException;
import dev.migrator.internal.sql.StatementWatch;

/**
 * One command while it runs: which it is, whether {@link #cancel()} was asked, and the
 * statement in flight, which a cancel cancels on the server. Checked before each
 * migration and each statement, so a cancel between two of them is honoured too. One
 * narrow window remains: a cancel that comes after a statement was registered but before
 * the driver started executing it finds nothing to cancel (pgjdbc ignores a cancel of a
 * statement not yet running); that statement then runs to its end and the command stops
 * right after it.
 */
public final class RunningCommand implements StatementWatch {

    private static final Logger logger = LoggerFactory.getLogger(RunningCommand.class);

    /**
     * The SQLSTATE PostgreSQL reports for a cancelled statement ({@code query_canceled}).
     */
    static final String QUERY_CANCELED = "57014";

    private final Command command;

    private volatile boolean cancelled;

    private volatile Statement inFlight;

    public RunningCommand(Command command) {
        this.command = command;
    }

    public Command command() {
        return this.command;
    }

    /**
     * Asks the command to stop: cancels the statement in flight, and makes the next check
     * throw.
     */
    public void cancel() {
        this.cancelled = true;
        Statement statement = this.inFlight;
        if (statement != null) {
            try {
                statement.cancel();
            }
            catch (SQLException ex) {
                // the flag still stops the run at its next check
                logger.warn("Could not cancel the statement in flight of {} ({}); the command stops at its next "
                        + "statement instead", this.command.id(), ex.getMessage());
            }
        }
    }

    public boolean isCancelled() {
        return this.cancelled;
    }

    /**
     * Throws when a cancel was asked: called where the command can stop without leaving
     * anything half done.
     */
    public void check() {
        if (this.cancelled) {
            throw new MigrationCancelledException(this.command, "The " + this.command.id() + " command was cancelled "
                    + "(Migrator.cancel()) before it finished; what it completed before stays done.", null);
        }
    }

    /**
     * The failure a cancel caused, as the command's cancellation: the message says what
     * was running and what it left applied (the failure, e.g. the cancelled statement's,
     * is its cause).
     */
    public MigrationCancelledException cancelled(RuntimeException failure) {
        String prefix = "The " + this.command.id() + " command was cancelled (Migrator.cancel())";
        if (failure instanceof MigrationFailedException failed) {
            String script = failed.getScript();
            if (this.command == Command.DRY_RUN) {
                return new MigrationCancelledException(this.command, prefix + " while rehearsing " + script
                        + ": nothing " + "was applied (the rehearsal's transaction was rolled back).", failure);
            }
            if (failed.isTransactional()) {
                return new MigrationCancelledException(this.command, prefix + " while " + script
                        + " ran: nothing of it "
                        + "was applied (its transaction was rolled back); migrations completed before stay applied. "
                        + "Run " + this.command.id() + " again to go on.", failure);
            }
            return new MigrationCancelledException(this.command, prefix + " while " + script + " ran outside a "
                    + "transaction: " + failed.getStatementsExecuted() + " of " + failed.getStatementCount()
                    + " statements were applied, and it is recorded as failed. Undo or complete them by hand, then "
                    + "run repair and migrate again.", failure);
        }
        return new MigrationCancelledException(this.command, prefix + ": " + failure.getMessage(), failure);
    }

    @Override
    public void sending(Statement statement) throws SQLException {
        this.inFlight = statement;
        if (this.cancelled) {
            this.inFlight = null;
            throw new SQLException("canceling statement due to user request (Migrator.cancel())", QUERY_CANCELED);
        }
    }

    @Override
    public void returned(Statement statement) {
        this.inFlight = null;
    }

}
