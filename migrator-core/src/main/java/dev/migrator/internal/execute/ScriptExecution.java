package dev.migrator.internal.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrationFailedException;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorConfig;
import dev.migrator.MigratorException;
import dev.migrator.internal.failure.MigrationFailure;
import dev.migrator.internal.history.HistoryTable;
import dev.migrator.internal.resolve.ScriptContent;
import dev.migrator.internal.resolve.ScriptResource;
import dev.migrator.internal.sql.Envelope;
import dev.migrator.internal.sql.EnvelopeStatementException;
import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;
import dev.migrator.internal.sql.SqlStatement;

/**
 * Runs one script (a migration or a rollback script) together with its history row: in
 * one transaction when it can, statement by statement otherwise; retries it when it
 * failed on {@code lock_timeout}; records a failed attempt; and restores the session
 * afterwards so no setting leaks into the next script.
 */
public final class ScriptExecution {

    private static final Logger logger = LoggerFactory.getLogger(ScriptExecution.class);

    static final String LOCK_NOT_AVAILABLE = "55P03";

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /**
     * How much of a script's text is searched for relation names when the failing
     * statement is not known.
     */
    private static final int BLOCKER_SEARCH_CHARS = 1 << 20;

    /**
     * The index of {@code commit} among the closing statements of a transactional script.
     */
    private static final int COMMIT = 1;

    private final Session session;

    /**
     * The session's settings before the first script that may change one; read only when
     * such a script comes.
     */
    private SessionSettings settings;

    public ScriptExecution(Session session) {
        this.session = session;
    }

    /**
     * Runs the script (after checking that the run was not cancelled) and records it.
     * @throws dev.migrator.MigrationCancelledException when the run was cancelled before
     * the script started
     */
    public ExecutedMigration run(Target script) {
        this.session.run().check();
        Target target = script;
        this.session.listeners().migrationStarted(target.type(), target.version(), target.script());
        long start = System.nanoTime();
        SqlScript parsed = target.parsed();
        if (parsed == null) {
            try {
                ScriptContent content = target.resource().read();
                if (target.checksum() == null) {
                    target = new Target(target.type(), target.version(), target.description(), target.script(),
                            content.checksum(), target.resource(), null);
                }
                else {
                    UnchangedScript.check(target.resource(), target.checksum(), content);
                }
                parsed = SqlParser.parse(target.resource().displayName(), content);
            }
            catch (RuntimeException ex) {
                // unreadable, changed since the run started, or not splittable: nothing
                // ran, but listeners hear of it
                this.session.listeners().migrationFinished(executed(target, start), ex);
                throw ex;
            }
        }
        int attempt = 0;
        while (true) {
            try {
                if (parsed.isEmpty()) {
                    logger.warn("{} contains no SQL statement: recorded as applied, nothing ran",
                            target.resource().displayName());
                    recordEmpty(target, parsed, start);
                }
                else if (parsed.transactional()) {
                    runInTransaction(target, parsed, start);
                }
                else {
                    logger.info("{} runs outside a transaction, statement by statement: {}",
                            target.resource().displayName(), parsed.nonTransactionalReason());
                    runOutsideTransaction(target, parsed, start);
                }
                ExecutedMigration done = executed(target, start);
                this.session.listeners().migrationFinished(done, null);
                return done;
            }
            catch (MigrationFailedException failed) {
                MigrationFailedException ex = withBlocker(failed, parsed);
                if (retryable(ex, attempt)) {
                    attempt++;
                    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
                    logger.warn(
                            "{} could not get a lock within lock_timeout ({}; blocked by {}); retry {} of {} "
                                    + "in {} ms",
                            target.resource().displayName(), ex.getServerMessage(), ex.getBlockedBy(), attempt,
                            this.session.config().getLockRetries(), backoff.toMillis());
                    sleep(backoff);
                    continue;
                }
                // a cancelled transactional script left nothing behind and did not fail:
                // it gets no row
                if (!(ex.isTransactional() && this.session.run().isCancelled())) {
                    FailedAttempts.record(
                            this.session, new HistoryTable.NewRow(target.versionText(), target.description(),
                                    target.type(), target.script(), target.checksum(), false, elapsed(start), null),
                            ex);
                }
                this.session.listeners().migrationFinished(executed(target, start), ex);
                throw ex;
            }
        }
    }

    /**
     * For a failure on {@code lock_timeout}: the same failure naming the sessions that
     * hold locks on the relations the failing statement names (see {@link LockBlockers});
     * any other failure is returned as it is.
     */
    private MigrationFailedException withBlocker(MigrationFailedException ex, SqlScript parsed) {
        if (!LOCK_NOT_AVAILABLE.equals(ex.getSqlState())) {
            return ex;
        }
        String statement;
        if (ex.getStatementNumber() > 0 && ex.getStatementNumber() <= parsed.statements().size()) {
            statement = parsed.statements().get(ex.getStatementNumber() - 1).sql();
        }
        else {
            // the relation names of the script's statements, up to a bound (a 50 MB
            // script must not be copied here)
            StringBuilder all = new StringBuilder();
            for (SqlStatement s : parsed.statements()) {
                if (all.length() > BLOCKER_SEARCH_CHARS) {
                    break;
                }
                all.append(s.sql()).append('\n');
            }
            statement = all.toString();
        }
        try {
            Connection connection = this.session.connection();
            if (connection.isClosed()) {
                return ex;
            }
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            String blockers = LockBlockers.describe(connection, statement);
            return MigrationFailure.from(ex)
                .blockedBy((blockers != null) ? blockers
                        : "a session that no longer holds a lock on any relation the statement names (it ended or "
                                + "released the lock right after the timeout)")
                .build();
        }
        catch (SQLException lookupFailure) {
            logger.warn("Could not find which session blocked {}: {}", ex.getScript(), lookupFailure.getMessage());
            ex.addSuppressed(lookupFailure);
            return ex;
        }
    }

    private boolean retryable(MigrationFailedException ex, int attempt) {
        return LOCK_NOT_AVAILABLE.equals(ex.getSqlState()) && attempt < this.session.config().getLockRetries()
                && (ex.isTransactional() || ex.getStatementsExecuted() == 0);
    }

    /**
     * One batch, usually one round trip: {@code begin}, the timeouts, the script, its
     * history row, {@code commit} and the session reset (see {@link Envelope}).
     */
    private void runInTransaction(Target target, SqlScript parsed, long start) {
        Connection connection = this.session.connection();
        SessionSettings restore;
        try {
            restore = settingsToRestore(connection, parsed, false);
        }
        catch (SQLException ex) {
            throw failure(target, parsed, ex, true, 0);
        }
        List<String> closing = new ArrayList<>();
        closing.add(this.session.history().insertStatement(completedRow(target, elapsed(start))));
        closing.add("commit");
        closing.addAll(restore.restoreStatements());
        Envelope envelope = new Envelope(
                List.of("begin", "set local lock_timeout = " + this.session.config().getLockTimeout().toMillis(),
                        "set local statement_timeout = " + this.session.config().getStatementTimeout().toMillis()),
                closing);
        try {
            this.session.executor().execute(connection, parsed, envelope);
        }
        catch (MigrationFailedException ex) {
            abort(connection, restore, ex);
            throw ex;
        }
        catch (EnvelopeStatementException ex) {
            if (ex.isClosing() && ex.index() > COMMIT) {
                throw new MigratorException(target.resource().displayName() + " was applied and recorded in "
                        + this.session.history().qualifiedName() + ", but resetting the session afterwards failed: "
                        + ex.getCause().getMessage(), ex);
            }
            SQLException cause = (ex.getCause() instanceof SQLException server) ? server : ex;
            MigrationFailedException failure = failure(target, parsed, cause, true, parsed.statements().size());
            abort(connection, restore, failure);
            throw failure;
        }
    }

    /**
     * What to restore after the script: nothing when it cannot change a setting and the
     * engine sets none around it ({@code engineSetsSession}); else the settings captured
     * before the first such script (captured now if this is the first) and the custom
     * settings this one sets.
     */
    private SessionSettings settingsToRestore(Connection connection, SqlScript script, boolean engineSetsSession)
            throws SQLException {
        if (!engineSetsSession && !SettingChanges.possible(script)) {
            return SessionSettings.NONE;
        }
        if (this.settings == null) {
            this.settings = SessionSettings.capture(connection);
        }
        return this.settings.withCustomSettingsOf(connection, script);
    }

    /**
     * Ends the failed transaction and resets the session; what goes wrong doing so is
     * added to the failure.
     */
    private static void abort(Connection connection, SessionSettings restore, Exception failure) {
        try {
            if (connection.isClosed()) {
                return;
            }
            try (Statement st = connection.createStatement()) {
                st.execute("rollback");
            }
            restore.restore(connection);
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
        }
    }

    private void runOutsideTransaction(Target target, SqlScript parsed, long start) {
        Connection connection = this.session.connection();
        int executed = 0;
        try {
            SessionSettings restore = settingsToRestore(connection, parsed, true);
            try {
                applyTimeouts(connection, this.session.config(), false);
                executed = this.session.executor().execute(connection, parsed);
            }
            finally {
                restoreSession(connection, restore);
            }
            appendCompleted(target, elapsed(start));
        }
        catch (SQLException ex) {
            throw failure(target, parsed, ex, false, executed);
        }
    }

    private void recordEmpty(Target target, SqlScript parsed, long start) {
        try {
            appendCompleted(target, elapsed(start));
        }
        catch (SQLException ex) {
            throw failure(target, parsed, ex, true, 0);
        }
    }

    /**
     * Sets the configured lock and statement timeouts, for the transaction
     * ({@code local}) or the session.
     */
    public static void applyTimeouts(Connection connection, MigratorConfig config, boolean local) throws SQLException {
        try (PreparedStatement ps = connection
            .prepareStatement("select set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)")) {
            ps.setString(1, Long.toString(config.getLockTimeout().toMillis()));
            ps.setBoolean(2, local);
            ps.setString(3, Long.toString(config.getStatementTimeout().toMillis()));
            ps.setBoolean(4, local);
            ps.execute();
        }
    }

    private static void restoreSession(Connection connection, SessionSettings restore) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        connection.setAutoCommit(true);
        restore.restore(connection);
    }

    private void appendCompleted(Target target, long durationMs) throws SQLException {
        this.session.history().append(this.session.connection(), completedRow(target, durationMs));
    }

    private static HistoryTable.NewRow completedRow(Target target, long durationMs) {
        return new HistoryTable.NewRow(target.versionText(), target.description(), target.type(), target.script(),
                target.checksum(), true, durationMs, null);
    }

    private static MigrationFailedException failure(Target target, SqlScript parsed, SQLException ex,
            boolean transactional, int executed) {
        return MigrationFailure.builder(target.resource().displayName())
            .serverError(ex.getSQLState(), ex.getMessage())
            .statement(0, parsed.statements().size(), 0)
            .statementsExecuted(executed)
            .transactional(transactional)
            .cause(ex)
            .build();
    }

    /**
     * What ran, for the result and the listeners, timed from {@code start} (a
     * {@link System#nanoTime()}).
     */
    private static ExecutedMigration executed(Target target, long start) {
        return new ExecutedMigration(target.version(), target.description(), target.type(), target.script(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a migration", ex);
        }
    }

    /**
     * What to run and how to record it.
     *
     * @param type the history row's type (versioned, repeatable or rollback)
     * @param version the version, or {@code null}
     * @param description the description
     * @param script what the history row records as the script
     * @param checksum the script's checksum, or {@code null} to compute it from the
     * content
     * @param resource the file
     * @param parsed the file already read and parsed (with the same checksum), or
     * {@code null} to read it now
     */
    public record Target(MigrationType type, MigrationVersion version, String description, String script,
            String checksum, ScriptResource resource, SqlScript parsed) {

        String versionText() {
            return (this.version != null) ? this.version.toString() : null;
        }
    }

}
