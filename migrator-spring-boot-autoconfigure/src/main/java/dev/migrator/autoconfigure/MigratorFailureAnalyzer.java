package dev.migrator.autoconfigure;

import dev.migrator.InvalidMigrationException;
import dev.migrator.LockWaitTimeoutException;
import dev.migrator.MigrationFailedException;
import dev.migrator.MigratorException;
import dev.migrator.ValidationFailedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains why migrator stopped the application from starting: which file and line failed with which SQLSTATE and
 * message, or which validation problems were found, and what to do next.
 */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        if (cause instanceof MigrationFailedException failed) {
            return migrationFailed(failed);
        }
        if (cause instanceof ValidationFailedException invalid) {
            return new FailureAnalysis("Migrations were not applied because validation failed:\n"
                    + invalid.getResult().describe(),
                    "Fix the problems listed above. For an applied migration that was edited, revert the edit and "
                            + "put the change in a new migration, or run 'repair' if the edit is cosmetic.",
                    cause);
        }
        if (cause instanceof InvalidMigrationException invalid) {
            String where = (invalid.getScript() != null) ? "  Script : " + invalid.getScript() + "\n"
                    + ((invalid.getLine() > 0) ? "  Line   : " + invalid.getLine() + "\n" : "") : "";
            return new FailureAnalysis("A migration file is not acceptable; nothing was applied.\n" + where
                    + "  Problem: " + invalid.getMessage(),
                    "Fix or rename the file as described, then start the application again.", cause);
        }
        if (cause instanceof LockWaitTimeoutException) {
            return new FailureAnalysis("Timed out waiting for the migration lock held by another instance:\n"
                    + cause.getMessage(),
                    "Wait for the other instance's migration to finish, or end the session named above if it is "
                            + "stuck; raise migrator.lock-wait-timeout if migrations legitimately take longer.",
                    cause);
        }
        return new FailureAnalysis("Migrations could not be run: " + cause.getMessage(),
                "Fix the cause named above, then start the application again.", cause);
    }

    private FailureAnalysis migrationFailed(MigrationFailedException ex) {
        StringBuilder description = new StringBuilder("A migration failed while the application was starting.\n");
        description.append("  File     : ").append(ex.getScript()).append('\n');
        if (ex.getStatementLine() > 0) {
            description.append("  Line     : ").append(ex.getStatementLine());
            if (ex.getErrorLine() > 0 && ex.getErrorLine() != ex.getStatementLine()) {
                description.append(" (error position: line ").append(ex.getErrorLine()).append(')');
            }
            description.append('\n');
        }
        if (ex.getStatementNumber() > 0) {
            description.append("  Statement: ")
                .append(ex.getStatementNumber())
                .append(" of ")
                .append(ex.getStatementCount())
                .append('\n');
        }
        if (ex.getSqlState() != null) {
            description.append("  SQLSTATE : ").append(ex.getSqlState()).append('\n');
        }
        description.append("  Message  : ").append(ex.getServerMessage());
        if (ex.getStatementExcerpt() != null && !ex.getStatementExcerpt().isBlank()) {
            description.append("\n  SQL      : ").append(ex.getStatementExcerpt().strip().replace("\n", "\n             "));
        }
        String action = ex.isTransactional()
                ? "Nothing of this migration was applied (its transaction was rolled back). Fix " + ex.getScript()
                        + " and start the application again."
                : "This migration runs outside a transaction: " + ex.getStatementsExecuted() + " of "
                        + ex.getStatementCount() + " statements were applied before the failure. Undo or complete "
                        + "them by hand, fix " + ex.getScript() + ", run 'repair', then start the application again.";
        return new FailureAnalysis(description.toString(), action, ex);
    }

}
