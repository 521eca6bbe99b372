package dev.migrator;

/**
 * A statement of a migration (or rollback) script failed on the server. The message has an aligned block:
 * <pre>
 * Migration 003_add_index.sql failed at line 12: ERROR 42P07 relation "users_email_idx" already exists
 *   Script    : db/migration/003_add_index.sql
 *   Statement : 2 of 4, starting at line 12 (error position: line 13)
 *   SQLSTATE  : 42P07
 *   Message   : relation "users_email_idx" already exists
 *   SQL       : CREATE INDEX users_email_idx ...
 * Nothing of this migration was applied (its transaction was rolled back). Fix the file and run again.
 * </pre>
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
     * Creates the exception; use {@link Builder}.
     */
    protected MigrationFailedException(Builder builder, String message) {
        super(message, builder.cause);
        this.script = builder.script;
        this.statementNumber = builder.statementNumber;
        this.statementCount = builder.statementCount;
        this.statementLine = builder.statementLine;
        this.errorLine = builder.errorLine;
        this.sqlState = builder.sqlState;
        this.serverMessage = builder.serverMessage;
        this.statementExcerpt = builder.statementExcerpt;
        this.statementsExecuted = builder.statementsExecuted;
        this.transactional = builder.transactional;
        this.blockedBy = builder.blockedBy;
    }

    /** Starts describing a failure of the given script. */
    public static Builder builder(String script) {
        return new Builder(script);
    }

    /** The file, as shown to users. */
    public String getScript() {
        return script;
    }

    /** 1-based number of the failing statement in the script, or 0 when the failure was not in a statement. */
    public int getStatementNumber() {
        return statementNumber;
    }

    /** How many statements the script has. */
    public int getStatementCount() {
        return statementCount;
    }

    /** The 1-based line where the failing statement starts, or 0. */
    public int getStatementLine() {
        return statementLine;
    }

    /** The 1-based line PostgreSQL's error position points at, or 0 when the server gave no position. */
    public int getErrorLine() {
        return errorLine;
    }

    /** The SQLSTATE, or {@code null}. */
    public String getSqlState() {
        return sqlState;
    }

    /** The server's message (without the SQLSTATE), or the driver's message. */
    public String getServerMessage() {
        return serverMessage;
    }

    /** The first lines of the failing statement. */
    public String getStatementExcerpt() {
        return statementExcerpt;
    }

    /** How many statements of the script had run successfully before the failure. */
    public int getStatementsExecuted() {
        return statementsExecuted;
    }

    /** Whether the script ran in a transaction (then nothing of it was applied). */
    public boolean isTransactional() {
        return transactional;
    }

    /**
     * For a failure on {@code lock_timeout} (SQLSTATE 55P03): the sessions that held the conflicting lock, e.g.
     * {@code pid 4242 (application_name 'psql', state 'idle in transaction', ...)}; {@code null} otherwise.
     */
    public String getBlockedBy() {
        return blockedBy;
    }

    /** A builder holding every fact of this failure, to build a copy with more facts (e.g. the blocker). */
    public Builder toBuilder() {
        Builder builder = new Builder(script);
        builder.statementNumber = statementNumber;
        builder.statementCount = statementCount;
        builder.statementLine = statementLine;
        builder.errorLine = errorLine;
        builder.sqlState = sqlState;
        builder.serverMessage = serverMessage;
        builder.statementExcerpt = statementExcerpt;
        builder.statementsExecuted = statementsExecuted;
        builder.transactional = transactional;
        builder.blockedBy = blockedBy;
        builder.cause = getCause();
        return builder;
    }

    /** Collects the facts of a failure and builds the exception with its message. */
    public static final class Builder {

        private final String script;

        private int statementNumber;

        private int statementCount;

        private int statementLine;

        private int errorLine;

        private String sqlState;

        private String serverMessage;

        private String statementExcerpt;

        private int statementsExecuted;

        private boolean transactional = true;

        private String blockedBy;

        private Throwable cause;

        private Builder(String script) {
            this.script = script;
        }

        /** The failing statement: its 1-based number, the script's statement count and the line it starts at. */
        public Builder statement(int number, int count, int line) {
            this.statementNumber = number;
            this.statementCount = count;
            this.statementLine = line;
            return this;
        }

        /** The line PostgreSQL's error position maps to (0 when unknown). */
        public Builder errorLine(int errorLine) {
            this.errorLine = errorLine;
            return this;
        }

        /** SQLSTATE and the server's message. */
        public Builder serverError(String sqlState, String serverMessage) {
            this.sqlState = sqlState;
            this.serverMessage = serverMessage;
            return this;
        }

        /** The first lines of the failing statement. */
        public Builder excerpt(String statementExcerpt) {
            this.statementExcerpt = statementExcerpt;
            return this;
        }

        /** How many statements had run before the failure. */
        public Builder statementsExecuted(int statementsExecuted) {
            this.statementsExecuted = statementsExecuted;
            return this;
        }

        /** Whether the script ran in one transaction. */
        public Builder transactional(boolean transactional) {
            this.transactional = transactional;
            return this;
        }

        /** Who held the lock the statement waited for (optional; for SQLSTATE 55P03). */
        public Builder blockedBy(String blockedBy) {
            this.blockedBy = blockedBy;
            return this;
        }

        /** The underlying exception (usually an {@link java.sql.SQLException}). */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** Builds the exception; its message is the aligned block described on {@link MigrationFailedException}. */
        public MigrationFailedException build() {
            return new MigrationFailedException(this, message());
        }

        private String message() {
            String name = script.substring(script.lastIndexOf('/') + 1);
            StringBuilder sb = new StringBuilder();
            sb.append("Migration ").append(name).append(" failed");
            if (statementLine > 0) {
                sb.append(" at line ").append(statementLine);
            }
            sb.append(": ");
            if (sqlState != null) {
                sb.append("ERROR ").append(sqlState).append(' ');
            }
            sb.append(serverMessage).append('\n');
            sb.append("  Script    : ").append(script).append('\n');
            if (statementNumber > 0) {
                sb.append("  Statement : ").append(statementNumber).append(" of ").append(statementCount)
                        .append(", starting at line ").append(statementLine);
                if (errorLine > 0) {
                    sb.append(" (error position: line ").append(errorLine).append(')');
                }
                sb.append('\n');
            }
            if (sqlState != null) {
                sb.append("  SQLSTATE  : ").append(sqlState).append('\n');
            }
            sb.append("  Message   : ").append(serverMessage).append('\n');
            if (blockedBy != null) {
                sb.append("  Lock wait : blocked by ").append(blockedBy.replace("\n", "\n              "))
                        .append('\n');
            }
            if (statementExcerpt != null && !statementExcerpt.isBlank()) {
                sb.append("  SQL       : ").append(statementExcerpt.strip().replace("\n", "\n              "))
                        .append('\n');
            }
            if (transactional) {
                sb.append("Nothing of this migration was applied (its transaction was rolled back). "
                        + "Fix the file and run again.");
            }
            else {
                sb.append("This migration runs outside a transaction: ").append(statementsExecuted).append(" of ")
                        .append(statementCount).append(" statements were applied before the failure. "
                        + "Undo or complete them by hand, fix the file, then run repair and migrate again.");
            }
            return sb.toString();
        }
    }
}
