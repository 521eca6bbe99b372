package dev.migrator.internal.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.Command;
import dev.migrator.DryRunResult;
import dev.migrator.HistoryEntry;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationCancelledException;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorConfig;
import dev.migrator.MigratorException;
import dev.migrator.RepairResult;
import dev.migrator.RollbackResult;
import dev.migrator.Setting;
import dev.migrator.ValidateResult;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Listeners;
import dev.migrator.internal.execute.RunningCommand;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.history.HistoryTable;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.sql.ScriptExecutor;

/**
 * Runs the commands of {@link dev.migrator.Migrator}. Each public method names its
 * {@link Command} and the {@link CommandBody} doing its work; {@link #run} does the rest
 * the same way for every command, as the command's properties say: run events for the
 * listeners, the files resolved while connecting, one connection, the history table's
 * schema, the advisory lock, and cancellation.
 */
public final class Commands {

    private static final Logger logger = LoggerFactory.getLogger(Commands.class);

    private final MigratorConfig config;

    private final MigrationResolver resolver;

    private final Listeners listeners;

    private final Set<RunningCommand> running = ConcurrentHashMap.newKeySet();

    /** Creates the command runner for checked settings. */
    public Commands(MigratorConfig config) {
        this.config = config;
        this.resolver = new MigrationResolver(config.getLocations(), config.getClassLoader());
        this.listeners = new Listeners(config.getListeners());
    }

    public MigrateResult migrate() {
        return run(Command.MIGRATE, new MigrateCommand());
    }

    public MigrationStatus status() {
        return run(Command.STATUS, new StatusCommand());
    }

    public ValidateResult validate() {
        return run(Command.VALIDATE, new ValidateCommand());
    }

    public RollbackResult rollback(MigrationVersion target) {
        return run(Command.ROLLBACK, new RollbackCommand(target));
    }

    public void baseline(MigrationVersion parsed, String description) {
        String text = (description != null && !description.isBlank()) ? description
                : this.config.getBaselineDescription();
        run(Command.BASELINE, new BaselineCommand(parsed, text));
    }

    public RepairResult repair() {
        return run(Command.REPAIR, new RepairCommand());
    }

    public DryRunResult dryRun() {
        return run(Command.DRY_RUN, new DryRunCommand());
    }

    public List<HistoryEntry> history(MigrationVersion wanted) {
        return run(Command.HISTORY, new HistoryCommand(wanted));
    }

    /**
     * Cancels every command running on this runner (see
     * {@link dev.migrator.Migrator#cancel()}).
     * @return whether a command was running
     */
    public boolean cancel() {
        boolean any = false;
        for (RunningCommand command : this.running) {
            logger.info("Cancelling the running {} command", command.command().id());
            command.cancel();
            any = true;
        }
        return any;
    }

    /**
     * Fails fast, before any listener hears of a run, when a command that needs the
     * database has no {@code DataSource}.
     */
    private void requireDataSource(Command command) {
        if (command.needsDatabase() && this.config.getDataSource() == null) {
            throw new MigratorException("dataSource: " + command.id() + " needs a database, but no DataSource is "
                    + "configured. Fix: set one (Migrator.configure().dataSource(...)); without one, only the "
                    + "file-only work runs (files(), checkFiles()).", Setting.DATA_SOURCE, null);
        }
    }

    /**
     * Runs a command as its properties say; a failure of a cancelled run ends as its
     * cancellation.
     */
    private <R> R run(Command command, CommandBody<R> body) {
        requireDataSource(command);
        RunningCommand run = new RunningCommand(command);
        this.running.add(run);
        try {
            return command.firesRunEvents() ? withRunEvents(command, () -> execute(run, body)) : execute(run, body);
        }
        finally {
            this.running.remove(run);
        }
    }

    private <R> R execute(RunningCommand run, CommandBody<R> body) {
        Command command = run.command();
        try {
            if (!command.needsFileContents()) {
                return withSession(run, (session) -> body.run(session, null));
            }
            // status resolves before connecting (its resolution errors come first); the
            // others while connecting
            return withFiles(command == Command.STATUS, keepsTexts(command),
                    (files) -> withSession(run, (session) -> body.run(session, files)));
        }
        catch (MigrationCancelledException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            if (run.isCancelled()) {
                throw run.cancelled(ex);
            }
            throw ex;
        }
    }

    /**
     * Whether the command parses or runs pending scripts, which then come from the text
     * kept when resolving instead of being read again.
     */
    private static boolean keepsTexts(Command command) {
        return command == Command.MIGRATE || command == Command.VALIDATE || command == Command.DRY_RUN;
    }

    private <R> R withRunEvents(Command command, Supplier<R> body) {
        this.listeners.runStarted(command);
        long start = System.nanoTime();
        try {
            R result = body.get();
            this.listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), null);
            return result;
        }
        catch (RuntimeException | Error ex) {
            this.listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), ex);
            throw ex;
        }
    }

    /**
     * Starts resolving the files on a thread of their own and runs the body, which joins
     * them when it needs them. When the body fails before it needed the files (no
     * connection, lock timeout, ...), the resolution is waited for and a failure of it is
     * reported too: as the suppressed exception of the body's failure, or, when
     * {@code filesFirst}, as the exception thrown with the body's failure suppressed (the
     * order a run that resolved before connecting reports them in). Either way no
     * resolution thread outlives the command.
     */
    private <T> T withFiles(boolean filesFirst, boolean keepTexts, Function<FileResolution, T> body) {
        FileResolution files = keepTexts ? FileResolution.startKeepingTexts(this.resolver)
                : FileResolution.start(this.resolver);
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
            files.failure(); // not needed after all (no command does this today): only
                             // wait for the thread
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

    private <T> T withSession(RunningCommand run, SessionWork<T> work) {
        boolean locking = run.command().takesLock();
        try (Connection connection = this.config.getDataSource().getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            long start = System.nanoTime();
            FirstLook look = firstLook(connection, locking);
            // a command that locks reads the history under the lock: it may upgrade an
            // older history format
            HistoryTable history = locking ? look.history().upgradingUnderLock() : look.history();
            Session session = new Session(connection, history, this.config, this.listeners,
                    new ScriptExecutor(ScriptExecutor.DEFAULT_BATCH_SIZE, run), run);
            if (!locking) {
                return work.run(session);
            }
            AdvisoryLock lock = new AdvisoryLock(history.schema(), history.table());
            if (look.locked()) {
                try {
                    lock.takenWith(connection, look.lockKey());
                }
                catch (RuntimeException ex) {
                    this.listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), false);
                    throw ex;
                }
                this.listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), true);
            }
            else {
                lock(lock, connection, run);
            }
            try {
                run.check();
                return work.run(session);
            }
            finally {
                unlock(lock, connection);
            }
        }
        catch (SQLException ex) {
            throw new MigratorException("Database error during " + run.command().id() + ": " + ex.getMessage()
                    + ((ex.getSQLState() != null) ? " (SQLSTATE " + ex.getSQLState() + ")" : ""), ex);
        }
    }

    private void lock(AdvisoryLock lock, Connection connection, RunningCommand run) throws SQLException {
        long start = System.nanoTime();
        try {
            Duration waited = lock.acquire(connection, this.config.getLockWaitTimeout(), run::check);
            this.listeners.lockWaited(waited, true);
        }
        catch (RuntimeException ex) {
            this.listeners.lockWaited(Duration.ofNanos(System.nanoTime() - start), false);
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
            // The lock is session-level: make sure this session cannot go back to a pool
            // still holding it.
            logger.warn("Could not release the migration lock ({}); closing the connection instead", ex.getMessage());
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
     * The history table's handle: in the configured schema, or in the connection's
     * current schema, asked together with whether the table is there already (so that a
     * first start does not send a query that fails; the answer is only a hint, checked
     * again under the lock) and, for a command that locks, with a first try of the lock
     * (one round trip instead of two on every start).
     */
    private FirstLook firstLook(Connection connection, boolean locking) throws SQLException {
        if (this.config.getSchema() != null) {
            return new FirstLook(new HistoryTable(this.config.getSchema(), this.config.getTable()), false, 0);
        }
        String sql = "select s, s is not null and to_regclass(format('%I.%I', s, t)) is not null"
                + (locking ? ", k, pg_try_advisory_lock(k)" : "") + " from (select current_schema() as s, ?::text as t"
                + (locking ? ", " + AdvisoryLock.currentSchemaKeySql() + " as k" : "") + ") as first_look";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, this.config.getTable());
            if (locking) {
                ps.setString(2, this.config.getTable());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String schema = rs.getString(1);
                if (schema == null) {
                    throw new MigratorException("The connection has no current schema (its search_path names no "
                            + "existing schema). Set the schema of the history table (schema), or fix search_path.",
                            Setting.SCHEMA, null);
                }
                HistoryTable history = new HistoryTable(schema, this.config.getTable(), !rs.getBoolean(2));
                boolean locked = locking && rs.getBoolean(4);
                return new FirstLook(history, locked, locked ? rs.getLong(3) : 0);
            }
        }
    }

    /**
     * What the first query of a run found: the history table, and whether it also took
     * the advisory lock (with the key the server computed).
     */
    private record FirstLook(HistoryTable history, boolean locked, long lockKey) {
    }

    /** Work done with a session. */
    @FunctionalInterface
    interface SessionWork<T> {

        T run(Session session) throws SQLException;

    }

}
