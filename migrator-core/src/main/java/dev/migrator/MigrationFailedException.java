package dev.migrator;

import dev.migrator.internal.failure.MigrationFailure;

/**
 * A statement of a migration (or rollback) script failed on the server. The message has
 * an aligned block: <pre>
 * Migration 003_add_index.sql failed at line 12: ERROR 42P07 relation "users_email_idx" already exists
 *   Script    : db/migration/003_add_index.sql
 *   Statement : 2 of 4, starting at line 12 (error position: line 13)
 *   SQLSTATE  : 42P07
 *   Message   : relation "users_email_idx" already exists
 *   SQL       : CREATE INDEX users_email_idx ...
 * Nothing of this migration was applied (its transaction was rolled back). Fix the file and run again.
 * </pre> The message is the one rendering of the failure: front ends show it as it is and
 * add only their own next step.
 */
public class MigrationFailedException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final String script;

    private final int statementNumber;

    private final int statementCount;

    private final int statementLine;

    private final int errorLine;

    private final String sqlState;

    private final String serverMessage;

    private final String statementExcerpt;

    private final int statementsExecuted;

    private final boolean transactional;

    private final String blockedBy;

    /**
     * Creates the exception from the facts of the failure; its message is their one
     * rendering. For migrator's own use: the facts come from its internal failure
     * formatter.
     * @param failure the facts
     */
    public MigrationFailedException(MigrationFailure failure) {
        super(failure.message(), failure.cause());
        this.script = failure.script();
        this.statementNumber = failure.statementNumber();
        this.statementCount = failure.statementCount();
        this.statementLine = failure.statementLine();
        this.errorLine = failure.errorLine();
        this.sqlState = failure.sqlState();
        this.serverMessage = failure.serverMessage();
        this.statementExcerpt = failure.statementExcerpt();
        this.statementsExecuted = failure.statementsExecuted();
        this.transactional = failure.transactional();
        this.blockedBy = failure.blockedBy();
    }

    /** The file, as shown to users. */
    public String getScript() {
        return this.script;
    }

    /**
     * 1-based number of the failing statement in the script, or 0 when the failure was
     * not in a statement.
     */
    public int getStatementNumber() {
        return this.statementNumber;
    }

    /** How many statements the script has. */
    public int getStatementCount() {
        return this.statementCount;
    }

    /** The 1-based line where the failing statement starts, or 0. */
    public int getStatementLine() {
        return this.statementLine;
    }

    /**
     * The 1-based line PostgreSQL's error position points at, or 0 when the server gave
     * no position.
     */
    public int getErrorLine() {
        return this.errorLine;
    }

    /** The SQLSTATE, or {@code null}. */
    public String getSqlState() {
        return this.sqlState;
    }

    /** The server's message (without the SQLSTATE), or the driver's message. */
    public String getServerMessage() {
        return this.serverMessage;
    }

    /** The first lines of the failing statement. */
    public String getStatementExcerpt() {
        return this.statementExcerpt;
    }

    /** How many statements of the script had run successfully before the failure. */
    public int getStatementsExecuted() {
        return this.statementsExecuted;
    }

    /** Whether the script ran in a transaction (then nothing of it was applied). */
    public boolean isTransactional() {
        return this.transactional;
    }

    /**
     * For a failure on {@code lock_timeout} (SQLSTATE 55P03): the sessions that held the
     * conflicting lock, e.g.
     * {@code pid 4242 (application_name 'psql', state 'idle in transaction', ...)};
     * {@code null} otherwise.
     */
    public String getBlockedBy() {
        return this.blockedBy;
    }

}
