package dev.migrator.internal.command;

import java.sql.SQLException;

import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;

/**
 * What one command does inside its run, the same shape for every command: a class per
 * command, constructed with the command's own arguments, given the session (connection,
 * history table, lock held when the command takes it) and the files being resolved.
 *
 * @param <R> the command's result
 */
interface CommandBody<R> {

    /**
     * Does the command's work.
     * @param session the connection and what goes with it
     * @param files the migration files being resolved, or {@code null} for a command that
     * does not need them
     * @return the result
     * @throws SQLException when the database fails
     */
    R run(Session session, FileResolution files) throws SQLException;

}
