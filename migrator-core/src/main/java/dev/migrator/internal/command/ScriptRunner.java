package dev.migrator.internal.command;

import java.sql.Connection;

/**
 * The seam between the commands and the SQL package: splits a script into statements (before anything runs) and
 * executes them on a connection whose transaction state the caller owns.
 */
interface ScriptRunner {

    /**
     * Splits a script.
     * @param script the script as shown to users
     * @param content the decoded content
     * @return the parsed script
     * @throws dev.migrator.InvalidMigrationException when the script cannot be split (unterminated quote, ...)
     */
    Parsed parse(String script, String content);

    /**
     * Executes the statements. Transactional scripts run in the caller's open transaction; non-transactional ones
     * run one by one on an auto-commit connection.
     * @return how many statements ran
     * @throws dev.migrator.MigrationFailedException when a statement fails
     */
    int execute(Connection connection, Parsed parsed);

    /** A split script. */
    interface Parsed {

        /** The script as shown to users. */
        String script();

        /** Whether it runs in one transaction. */
        boolean transactional();

        /** How many statements it has (zero for an empty or comment-only file). */
        int statementCount();
    }
}
