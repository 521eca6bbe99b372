package dev.migrator.internal.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.DryRunResult;
import dev.migrator.HistoryEntry;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorConfig;
import dev.migrator.MigratorException;
import dev.migrator.RepairResult;
import dev.migrator.RollbackResult;
import dev.migrator.ValidateResult;
import dev.migrator.internal.history.HistoryTable;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.sql.ScriptExecutor;

/**
 * Runs the commands of {@link dev.migrator.Migrator}: opens one connection per run, finds the history table's
 * schema, takes the advisory lock for commands that change anything, and hands a {@link Session} to the command.
 */
public final class Commands {

    private static final Logger logger = LoggerFactory.getLogger(Commands.class);

    private final MigratorConfig config;

    private final MigrationResolver resolver;

    private final ScriptExecutor executor;

    private final Listeners listeners;

    /** Creates the command runner for checked settings. */
    public Commands(MigratorConfig config) {
        this.config = config;
        this.resolver = new MigrationResolver(config.getLocations(), config.getClassLoader());
        this.executor = new ScriptExecutor();
        this.listeners = new Listeners(config.getListeners());
    }

    public MigrateResult migrate() {
        return runWithFiles("migrate", true, true, (session, files) -> new MigrateCommand(session, files).run());
    }

    public MigrationStatus status() {
        requireDataSource("status");
        // resolution errors come first here, as status() always resolved before connecting
        return withFiles(true, false, (files) -> withSession(false,
                (session) -> StatusReader.read(session, files).status()));
    }

    public ValidateResult validate() {
        return runWithFiles("validate", false, true, ValidateCommand::run);
    }

    public RollbackResult rollback(MigrationVersion target) {
        return runWithFiles("rollback", true, false,
                (session, files) -> new RollbackCommand(session, files).run(target));
    }

    public void baseline(MigrationVersion parsed, String description) {
        String text = (description != null && !description.isBlank()) ? description
                : config.getBaselineDescription();
        run("baseline", () -> withSession(true, (session) -> {
            BaselineCommand.run(session, parsed, text);
            return null;
        }));
    }

    public RepairResult repair() {
        return runWithFiles("repair", true, false, (session, files) -> RepairCommand.run(session, files));
    }

    public DryRunResult dryRun() {
        return runWithFiles("dry-run", true, true, (session, files) -> new DryRunCommand(session, files).run());
    }

    public List<HistoryEntry> history(MigrationVersion wanted) {
        requireDataSource("history");
        return withSession(false, (session) -> {
            if (!session.history().exists(session.connection())) {
                return List.of();
            }
            return session.history().read(session.connection()).stream()
                    .filter((row) -> wanted.equals(row.version()))
                    .toList();
        });
    }

    /**
     * Fails fast, before any listener hears of a run, when a command that needs the database has no
     * {@code DataSource}.
     */
    private void requireDataSource(String command) {
        if (config.getDataSource() == null) {
            throw new MigratorException("dataSource: " + command + " needs a database, but no DataSource is "
                    + "configured. Fix: set one (Migrator.configure().dataSource(...)); without one, only the "
                    + "file-only work runs (files(), checkFiles()).");
        }
    }

    /**
     * A run of a command that needs the files: resolved while connecting, joined inside the session; with
     * {@code keepTexts} for a command that parses or runs pending scripts, which then come from memory instead of being
     * read again.
     */
    private <T> T runWithFiles(String command, boolean locking, boolean keepTexts, FilesWork<T> work) {
        return run(command, () -> withFiles(false, keepTexts,
                (files) -> withSession(locking, (session) -> work.run(session, files))));
    }

    private <T> T run(String command, Supplier<T> body) {
        requireDataSource(command);
        listeners.runStarted(command);
        long start = System.nanoTime();
        try {
            T result = body.get();
            listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), null);
            return result;
        }
        catch (RuntimeException | Error ex) {
            listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), ex);
            throw ex;
        }
    }

    /**
     * Starts resolving the files on a thread of their own and runs the body, which joins them when it needs them.
     * When the body fails before it needed the files (no connection, lock timeout, ...), the resolution is waited
     * for and a failure of it is reported too: as the suppressed exception of the body's failure, or, when
     * {@code filesFirst}, as the exception thrown with the body's failure suppressed (the order a run that resolved
     * before connecting reports them in). Either way no resolution thread outlives the command.
     */
    private <T> T withFiles(boolean filesFirst, boolean keepTexts, Function<FileResolution, T> body) {
        FileResolution files = keepTexts ? FileResolution.startKeepingTexts(resolver) : FileResolution.start(resolver);
        T result;
        try {
            result = body.apply(files);
        }
        catch (RuntimeException | Error ex) {
            if (!files.joined()) {
                Throwable failure = files.failure();
                if (failure != null && filesFirst) {
                    failure.addSuppressed(ex);
                    throw unchecked(failure);
                }
                if (failure != null) {
                    ex.addSuppressed(failure);
                }
            }
            throw ex;
        }
        if (!files.joined()) {
            files.failure(); // not needed after all (no command does this today): only wait for the thread
        }
        return result;
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(failure);
    }

    private <T> T withSession(boolean locking, SessionWork<T> work) {
        try (Connection connection = config.getDataSource().getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            long start = System.nanoTime();
            FirstLook look = firstLook(connection, locking);
            // a command that locks reads the history under the lock: it may upgrade an older history format
            HistoryTable history = locking ? look.history().upgradingUnderLock() : look.history();
            Session session = new Session(connection, history, config, listeners, executor);
            if (!locking) {
                return work.run(session);
            }
            AdvisoryLock lock = new AdvisoryLock(history.schema(), history.table());
            if (look.locked()) {
                try {
                    lock.takenWith(connection, look.lockKey());
                }
                catch (RuntimeException ex) {
                    listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), false);
                    throw ex;
                }
                listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), true);
            }
            else {
                lock(lock, connection);
            }
            try {
                return work.run(session);
            }
            finally {
                unlock(lock, connection);
            }
        }
        catch (SQLException ex) {
            throw new MigratorException("Database error while migrating: " + ex.getMessage()
                    + " (SQLSTATE " + ex.getSQLState() + ")", ex);
        }
    }

    private void lock(AdvisoryLock lock, Connection connection) throws SQLException {
        long start = System.nanoTime();
        try {
            Duration waited = lock.acquire(connection, config.getLockWaitTimeout());
            listeners.lockWaited(waited, true);
        }
        catch (RuntimeException ex) {
            listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), false);
            throw ex;
        }
    }

    private void unlock(AdvisoryLock lock, Connection connection) {
        try {
            if (!connection.isClosed()) {
                lock.release(connection);
            }
        }
        catch (SQLException ex) {
            // The lock is session-level: make sure this session cannot go back to a pool still holding it.
            logger.warn("Could not release the migration lock ({}); closing the connection instead",
                    ex.getMessage());
            try {
                connection.abort(Runnable::run);
            }
            catch (SQLException abortFailure) {
                ex.addSuppressed(abortFailure);
                logger.warn("Could not abort the connection either", abortFailure);
            }
        }
    }

    /**
     * The history table's handle: in the configured schema, or in the connection's current schema, asked together
     * with whether the table is there already (so that a first start does not send a query that fails; the answer
     * is only a hint, checked again under the lock) and, for a command that locks, with a first try of the lock (one
     * round trip instead of two on every start).
     */
    private FirstLook firstLook(Connection connection, boolean locking) throws SQLException {
        if (config.getSchema() != null) {
            return new FirstLook(new HistoryTable(config.getSchema(), config.getTable()), false, 0);
        }
        String sql = "select s, s is not null and to_regclass(format('%I.%I', s, t)) is not null"
                + (locking ? ", k, pg_try_advisory_lock(k)" : "")
                + " from (select current_schema() as s, ?::text as t"
                + (locking ? ", " + AdvisoryLock.currentSchemaKeySql() + " as k" : "") + ") as first_look";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, config.getTable());
            if (locking) {
                ps.setString(2, config.getTable());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String schema = rs.getString(1);
                if (schema == null) {
                    throw new MigratorException("The connection has no current schema (its search_path names no "
                            + "existing schema). Set the schema of the history table (migrator.schema), or fix "
                            + "search_path.");
                }
                HistoryTable history = new HistoryTable(schema, config.getTable(), !rs.getBoolean(2));
                boolean locked = locking && rs.getBoolean(4);
                return new FirstLook(history, locked, locked ? rs.getLong(3) : 0);
            }
        }
    }

    /**
     * What the first query of a run found: the history table, and whether it also took the advisory lock (with the
     * key the server computed).
     */
    private record FirstLook(HistoryTable history, boolean locked, long lockKey) {
    }

    /** Work done with a session. */
    @FunctionalInterface
    interface SessionWork<T> {

        T run(Session session) throws SQLException;
    }

    /** Work done with a session and the files being resolved for it. */
    @FunctionalInterface
    interface FilesWork<T> {

        T run(Session session, FileResolution files) throws SQLException;
    }
}
