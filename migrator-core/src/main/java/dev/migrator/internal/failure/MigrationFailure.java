package dev.migrator.internal.failure;

import dev.migrator.MigrationFailedException;

/**
 * The facts of a failed migration script and their one rendering: the aligned block
 * described on {@link MigrationFailedException}. Every front end shows this text; none
 * builds its own.
 *
 * @param script the file, as shown to users
 * @param statementNumber 1-based number of the failing statement, or 0 when no statement
 * is to blame
 * @param statementCount how many statements the script has
 * @param statementLine the 1-based line the failing statement starts at, or 0
 * @param errorLine the 1-based line PostgreSQL's error position points at, or 0
 * @param sqlState the SQLSTATE, or {@code null}
 * @param serverMessage the server's (or driver's) message
 * @param statementExcerpt the first lines of the failing statement, or {@code null}
 * @param statementsExecuted how many statements had run before the failure
 * @param transactional whether the script ran in one transaction
 * @param blockedBy who held the lock the statement waited for, or {@code null}
 * @param cause the underlying exception, or {@code null}
 */
public record MigrationFailure(String script, int statementNumber, int statementCount, int statementLine, int errorLine,
        String sqlState, String serverMessage, String statementExcerpt, int statementsExecuted, boolean transactional,
        String blockedBy, Throwable cause) {

    /** Starts describing a failure of the given script. */
    public static Builder builder(String script) {
        return new Builder(script);
    }

    /**
     * A builder holding every fact of the exception, to build a copy with more facts
     * (e.g. the blocker).
     */
    public static Builder from(MigrationFailedException ex) {
        Builder builder = new Builder(ex.getScript());
        builder.statementNumber = ex.getStatementNumber();
        builder.statementCount = ex.getStatementCount();
        builder.statementLine = ex.getStatementLine();
        builder.errorLine = ex.getErrorLine();
        builder.sqlState = ex.getSqlState();
        builder.serverMessage = ex.getServerMessage();
        builder.statementExcerpt = ex.getStatementExcerpt();
        builder.statementsExecuted = ex.getStatementsExecuted();
        builder.transactional = ex.isTransactional();
        builder.blockedBy = ex.getBlockedBy();
        builder.cause = ex.getCause();
        return builder;
    }

    /**
     * The message: a headline, the aligned block, and what was left applied with what to
     * do.
     */
    public String message() {
        String name = this.script.substring(this.script.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("Migration ").append(name).append(" failed");
        if (this.statementLine > 0) {
            sb.append(" at line ").append(this.statementLine);
        }
        sb.append(": ");
        if (this.sqlState != null) {
            sb.append("ERROR ").append(this.sqlState).append(' ');
        }
        sb.append(this.serverMessage).append('\n');
        sb.append("  Script    : ").append(this.script).append('\n');
        if (this.statementNumber > 0) {
            sb.append("  Statement : ")
                .append(this.statementNumber)
                .append(" of ")
                .append(this.statementCount)
                .append(", starting at line ")
                .append(this.statementLine);
            if (this.errorLine > 0) {
                sb.append(" (error position: line ").append(this.errorLine).append(')');
            }
            sb.append('\n');
        }
        if (this.sqlState != null) {
            sb.append("  SQLSTATE  : ").append(this.sqlState).append('\n');
        }
        sb.append("  Message   : ").append(this.serverMessage).append('\n');
        if (this.blockedBy != null) {
            sb.append("  Lock wait : blocked by ")
                .append(this.blockedBy.replace("\n", "\n              "))
                .append('\n');
        }
        if (this.statementExcerpt != null && !this.statementExcerpt.isBlank()) {
            sb.append("  SQL       : ")
                .append(this.statementExcerpt.strip().replace("\n", "\n              "))
                .append('\n');
        }
        if (this.transactional) {
            sb.append("Nothing of this migration was applied (its transaction was rolled back). "
                    + "Fix the file and run again.");
        }
        else {
            sb.append("This migration runs outside a transaction: ")
                .append(this.statementsExecuted)
                .append(" of ")
                .append(this.statementCount)
                .append(" statements were applied before the failure. "
                        + "Undo or complete them by hand, fix the file, then run repair and migrate again.");
        }
        return sb.toString();
    }

    /** Collects the facts of a failure. */
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

        /**
         * The failing statement: its 1-based number, the script's statement count and the
         * line it starts at.
         */
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

        /** The facts collected. */
        public MigrationFailure facts() {
            return new MigrationFailure(this.script, this.statementNumber, this.statementCount, this.statementLine,
                    this.errorLine, this.sqlState, this.serverMessage, this.statementExcerpt, this.statementsExecuted,
                    this.transactional, this.blockedBy, this.cause);
        }

        /** Builds the exception; its message is {@link MigrationFailure#message()}. */
        public MigrationFailedException build() {
            return new MigrationFailedException(facts());
        }

    }
}
