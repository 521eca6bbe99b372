package dev.migrator.internal.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

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
import dev.migrator.internal.resolve.ResolvedMigration;
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
        return run("migrate", true, (session) -> new MigrateCommand(session, resolve()).run());
    }

    public MigrationStatus status() {
        List<ResolvedMigration> files = resolve();
        return withSession(false, (session) -> StatusReader.read(session, files).status());
    }

    public ValidateResult validate() {
        return run("validate", false, (session) -> ValidateCommand.run(session, resolver));
    }

    public RollbackResult rollback(String target) {
        MigrationVersion version = (target == null || target.isBlank()) ? null : parseVersion("target", target);
        return run("rollback", true, (session) -> new RollbackCommand(session, resolve()).run(version));
    }

    public void baseline(String version, String description) {
        MigrationVersion parsed = parseVersion("version", version);
        String text = (description != null && !description.isBlank()) ? description
                : config.getBaselineDescription();
        run("baseline", true, (session) -> {
            BaselineCommand.run(session, parsed, text);
            return null;
        });
    }

    public RepairResult repair() {
        return run("repair", true, (session) -> RepairCommand.run(session, resolve()));
    }

    public DryRunResult dryRun() {
        return run("dry-run", true, (session) -> new DryRunCommand(session, resolve()).run());
    }

    public List<HistoryEntry> history(String version) {
        MigrationVersion wanted = parseVersion("version", version);
        return withSession(false, (session) -> {
            if (!session.history().exists(session.connection())) {
                return List.of();
            }
            return session.history().read(session.connection()).stream()
                    .filter((row) -> row.version() != null && MigrationVersion.isValid(row.version())
                            && MigrationVersion.parse(row.version()).equals(wanted))
                    .toList();
        });
    }

    private List<ResolvedMigration> resolve() {
        return resolver.resolve();
    }

    private static MigrationVersion parseVersion(String what, String text) {
        try {
            return MigrationVersion.parse(text);
        }
        catch (IllegalArgumentException ex) {
            throw new MigratorException(what + ": " + ex.getMessage(), ex);
        }
    }

    private <T> T run(String command, boolean locking, SessionWork<T> work) {
        listeners.runStarted(command);
        long start = System.nanoTime();
        try {
            T result = withSession(locking, work);
            listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), null);
            return result;
        }
        catch (RuntimeException | Error ex) {
            listeners.runFinished(command, Duration.ofNanos(System.nanoTime() - start), ex);
            throw ex;
        }
    }

    private <T> T withSession(boolean locking, SessionWork<T> work) {
        try (Connection connection = config.getDataSource().getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            HistoryTable history = new HistoryTable(schema(connection), config.getTable());
            Session session = new Session(connection, history, config, listeners, executor);
            if (!locking) {
                return work.run(session);
            }
            AdvisoryLock lock = new AdvisoryLock(history.schema(), history.table());
            lock(lock, connection);
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

    private String schema(Connection connection) throws SQLException {
        if (config.getSchema() != null) {
            return config.getSchema();
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            if (schema == null) {
                throw new MigratorException("The connection has no current schema (its search_path names no "
                        + "existing schema). Set the schema of the history table (migrator.schema), or fix "
                        + "search_path.");
            }
            return schema;
        }
    }

    /** Work done with a session. */
    @FunctionalInterface
    interface SessionWork<T> {

        T run(Session session) throws SQLException;
    }
}
