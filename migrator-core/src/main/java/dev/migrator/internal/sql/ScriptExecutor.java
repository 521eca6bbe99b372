package dev.migrator.internal.sql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationFailedException;
import dev.migrator.internal.failure.MigrationFailure;

/**
 * Runs the statements of a {@link SqlScript} on a connection whose state the engine owns:
 * the executor never commits, rolls back or changes auto-commit.
 * <ul>
 * <li>Transactional script (the engine has set {@code autoCommit(false)}): statements go
 * to the server as JDBC batches, which pgjdbc pipelines (few round trips); a
 * {@code COPY ... FROM STDIN} ends the current batch and runs through the driver's copy
 * API.</li>
 * <li>Non-transactional script (the engine has set {@code autoCommit(true)}): one
 * statement at a time, so a failure can say how many statements were applied.</li>
 * </ul>
 * Server notices are logged at INFO. A failing statement raises
 * {@link MigrationFailedException} with the script, the statement's number and line, the
 * file line PostgreSQL's error position points at, SQLSTATE and message.
 */
public final class ScriptExecutor {

    private static final Logger log = LoggerFactory.getLogger(ScriptExecutor.class);

    /** Default number of statements per JDBC batch. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final int batchSize;

    private final StatementWatch watch;

    /** An executor with {@link #DEFAULT_BATCH_SIZE}. */
    public ScriptExecutor() {
        this(DEFAULT_BATCH_SIZE);
    }

    /**
     * An executor that sends at most {@code batchSize} statements per batch (at least 1).
     */
    public ScriptExecutor(int batchSize) {
        this(batchSize, StatementWatch.NONE);
    }

    /**
     * An executor that sends at most {@code batchSize} statements per batch (at least 1)
     * and tells {@code watch} which statement is in flight.
     */
    public ScriptExecutor(int batchSize, StatementWatch watch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1 but was " + batchSize);
        }
        this.batchSize = batchSize;
        this.watch = watch;
    }

    /**
     * Executes every statement of the script and returns how many ran (all of them, or it
     * throws).
     * @throws MigrationFailedException when a statement fails
     * @throws IllegalStateException when the connection's auto-commit does not match
     * {@link SqlScript#transactional()} (the engine must set it first)
     */
    public int execute(Connection connection, SqlScript script) {
        checkAutoCommit(connection, script, !script.transactional());
        logDirectives(script);
        if (script.isEmpty()) {
            return 0;
        }
        try {
            return script.transactional() ? inBatches(connection, script, Envelope.NONE) : oneByOne(connection, script);
        }
        catch (EnvelopeStatementException ex) {
            throw new IllegalStateException("No envelope statement was sent, yet one failed", ex);
        }
    }

    /**
     * Executes a transactional script on a connection in auto-commit mode, with the
     * envelope's statements in the same batches: the opening ones before the first
     * statement, the closing ones after the last. The envelope owns the transaction (it
     * begins and commits it); the executor only sends. Unless the script holds a
     * {@code COPY ... FROM STDIN} or more than the batch size of statements, everything
     * goes in one batch.
     * @return how many of the script's statements ran (all of them, or it throws)
     * @throws MigrationFailedException when one of the script's statements fails
     * @throws EnvelopeStatementException when one of the envelope's statements fails
     * @throws IllegalStateException when the script is not transactional or the
     * connection not in auto-commit
     */
    public int execute(Connection connection, SqlScript script, Envelope envelope) throws EnvelopeStatementException {
        if (!script.transactional()) {
            throw new IllegalStateException(
                    "Cannot run " + script.name() + " in an envelope: it is not " + "transactional");
        }
        checkAutoCommit(connection, script, true);
        logDirectives(script);
        return inBatches(connection, script, envelope);
    }

    private static void checkAutoCommit(Connection connection, SqlScript script, boolean expected) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        }
        catch (SQLException ex) {
            throw MigrationFailure.builder(script.name())
                .serverError(ex.getSQLState(), ex.getMessage())
                .transactional(script.transactional())
                .cause(ex)
                .build();
        }
        if (autoCommit != expected) {
            throw new IllegalStateException("Cannot run " + script.name() + ": the script is "
                    + (script.transactional() ? "transactional" : "non-transactional") + " but the connection is "
                    + (autoCommit ? "" : "not ") + "in auto-commit mode");
        }
    }

    private static void logDirectives(SqlScript script) {
        for (TransactionControl dropped : script.droppedTransactionControl()) {
            log.info("{} line {}: dropped '{}': migrator runs this file as one transaction and commits it "
                    + "together with its history row", script.name(), dropped.line(), dropped.sql());
        }
        if (script.directive() != TransactionDirective.NONE) {
            log.info("{}: directive -- migrator:transaction={} (runs {})", script.name(), script.transactional(),
                    script.transactional() ? "in one transaction" : "statement by statement outside a transaction");
        }
    }

    private int inBatches(Connection connection, SqlScript script, Envelope envelope)
            throws EnvelopeStatementException {
        List<SqlStatement> statements = script.statements();
        int next = 0;
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            ScriptBatch batch = new ScriptBatch(st, script, ScriptExecutor::logWarnings, this.watch);
            for (int i = 0; i < envelope.opening().size(); i++) {
                batch.addEnvelope(false, i, envelope.opening().get(i));
            }
            for (; next < statements.size(); next++) {
                if (statements.get(next).kind() == SqlStatement.Kind.COPY_IN) {
                    batch.flush();
                    copy(connection, script, next, next);
                }
                else {
                    batch.addStatement(next);
                    if (batch.statementCount() == this.batchSize) {
                        batch.flush();
                    }
                }
            }
            for (int i = 0; i < envelope.closing().size(); i++) {
                batch.addEnvelope(true, i, envelope.closing().get(i));
            }
            batch.flush();
        }
        catch (EnvelopeStatementException | MigrationFailedException ex) {
            throw ex;
        }
        catch (SQLException ex) {
            // createStatement, addBatch or close failed: no statement to blame
            if (statements.isEmpty()) {
                throw new EnvelopeStatementException(false, -1, "(creating the JDBC statement)", ex);
            }
            int at = Math.max(0, Math.min(next, statements.size() - 1));
            throw StatementFailure.ofBatch(script, at, at, at, ex);
        }
        return statements.size();
    }

    private int oneByOne(Connection connection, SqlScript script) {
        List<SqlStatement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            if (statement.kind() == SqlStatement.Kind.COPY_IN) {
                copy(connection, script, i, i);
                continue;
            }
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                this.watch.sending(st);
                try {
                    st.execute(statement.sql());
                }
                finally {
                    this.watch.returned(st);
                }
                logWarnings(script, st.getWarnings());
            }
            catch (SQLException ex) {
                throw StatementFailure.of(script, i, i, ex);
            }
        }
        return statements.size();
    }

    private void copy(Connection connection, SqlScript script, int index, int executed) {
        SqlStatement statement = script.statements().get(index);
        try {
            this.watch.sending(null);
            long rows = connection.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(statement.sql(), new CharSequenceReader(statement.copyData().rows()));
            log.debug("{} line {}: COPY loaded {} rows", script.name(), statement.line(), rows);
        }
        catch (SQLException ex) {
            throw StatementFailure.of(script, index, executed, ex);
        }
        catch (IOException ex) {
            throw new IllegalStateException(
                    "Could not read the COPY data of " + script.name() + " line " + statement.line() + " from memory",
                    ex);
        }
    }

    private static void logWarnings(SqlScript script, SQLWarning warning) {
        List<String> seen = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            seen.add(w.getMessage());
        }
        for (String message : seen) {
            log.info("{}: {}", script.name(), message);
        }
    }

}
