package dev.migrator;

/**
 * A command stopped because {@link Migrator#cancel()} was called from another thread. The
 * statement in flight was cancelled on the server: a migration running in a transaction
 * was rolled back (no history row); one running outside a transaction is recorded as
 * failed, partly applied, as after any failure (the message says how much ran).
 * Migrations completed before the cancel stay applied, and the advisory lock is released.
 */
public class MigrationCancelledException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final Command command;

    /**
     * Creates the exception.
     * @param command the command that was cancelled
     * @param message the complete message: what was running and what was left applied
     * @param cause the failure the cancel caused (e.g. the cancelled statement's
     * {@link MigrationFailedException}), or {@code null}
     */
    public MigrationCancelledException(Command command, String message, Throwable cause) {
        super(message, cause);
        this.command = command;
    }

    /** The command that was cancelled. */
    public Command getCommand() {
        return this.command;
    }

}
