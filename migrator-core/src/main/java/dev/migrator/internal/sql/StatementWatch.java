package dev.migrator.internal.sql;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Hears which JDBC statement of a script is in flight, so another thread can cancel it;
 * and may refuse to send the next one (the run was cancelled between two statements).
 */
public interface StatementWatch {

    /** Watches nothing and refuses nothing. */
    StatementWatch NONE = new StatementWatch() {

        @Override
        public void sending(Statement statement) {
        }

        @Override
        public void returned(Statement statement) {
        }
    };

    /**
     * The statement is about to be executed.
     * @param statement the statement, or {@code null} for a {@code COPY} (sent through
     * the driver's copy API, with no statement to cancel; {@link #returned} is not called
     * for it)
     * @throws SQLException to refuse sending it (the failure is reported like the
     * statement's own)
     */
    void sending(Statement statement) throws SQLException;

    /** The statement came back, with a result or a failure. */
    void returned(Statement statement);

}
