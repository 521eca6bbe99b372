package dev.migrator.internal.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrator.MigrationFailedException;

/**
 * Runs a script by handing its whole text to the driver as one simple query. Interim: the PostgreSQL-aware splitter
 * (statement lines, COPY, non-transactional detection) replaces it.
 */
final class SqlScriptRunner implements ScriptRunner {

    @Override
    public Parsed parse(String script, String content) {
        boolean empty = content.lines().map(String::strip)
                .allMatch((line) -> line.isEmpty() || line.startsWith("--"));
        return new Whole(script, content, empty ? 0 : 1);
    }

    @Override
    public int execute(Connection connection, Parsed parsed) {
        Whole whole = (Whole) parsed;
        try (Statement st = connection.createStatement()) {
            st.execute(whole.content());
            return whole.statementCount();
        }
        catch (SQLException ex) {
            throw MigrationFailedException.builder(whole.script()).serverError(ex.getSQLState(), ex.getMessage())
                    .statement(1, 1, 1).excerpt(whole.content().lines().limit(3).reduce("", (a, b) -> a + b + "\n"))
                    .cause(ex).build();
        }
    }

    private record Whole(String script, String content, int statementCount) implements Parsed {

        @Override
        public boolean transactional() {
            return true;
        }
    }
}
