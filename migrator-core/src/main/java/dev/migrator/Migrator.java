package dev.migrator;

import java.util.List;

import dev.migrator.internal.command.Commands;
import dev.migrator.internal.command.FilesCommand;

/**
 * Applies versioned SQL migrations to a PostgreSQL database, safely under many instances.
 * <pre>
 * Migrator migrator = Migrator.configure().dataSource(dataSource).load();
 * MigrateResult result = migrator.migrate();
 * </pre> Every command reads the same picture ({@link #status()}): the files in the
 * configured locations merged with the history table. Commands that change the database
 * ({@code migrate}, {@code rollback}, {@code baseline}, {@code repair}, {@code dryRun})
 * hold a PostgreSQL advisory lock for their whole run, so concurrent instances wait for
 * each other instead of racing. A {@code Migrator} is thread-safe and cheap to keep.
 * <p>
 * Only the commands that touch the database need a {@code DataSource}; without one they
 * fail at once with a {@link MigratorException} naming the {@code dataSource} setting.
 * The file-only work, {@link #files()} and {@link #checkFiles()}, runs without one: <pre>
 * MigrationFileSet files = Migrator.configure().locations("filesystem:db/migration").load().files();
 * </pre>
 */
public final class Migrator {

    private final MigratorConfig config;

    private final Commands commands;

    private final FilesCommand files;

    /** Creates a migrator with checked settings; usually through {@link #configure()}. */
    public Migrator(MigratorConfig config) {
        this.config = config;
        this.commands = new Commands(config);
        this.files = new FilesCommand(config);
    }

    /** Starts configuring a migrator. */
    public static MigratorConfig.Builder configure() {
        return new MigratorConfig.Builder();
    }

    /** The settings. */
    public MigratorConfig getConfig() {
        return this.config;
    }

    /**
     * Applies pending versioned migrations in version order, then new or changed
     * repeatable ones, each in its own transaction with its history row (unless it must
     * run outside one). Validates first unless {@code validateOnMigrate} is off.
     * @return what was applied
     * @throws ValidationFailedException when validation finds problems (nothing is
     * applied)
     * @throws MigrationFailedException when a migration fails (earlier ones stay applied;
     * the failing one is rolled back unless it runs outside a transaction)
     * @throws LockWaitTimeoutException when another instance holds the lock longer than
     * {@code lockWaitTimeout}
     * @throws InvalidMigrationException when a file is not acceptable (nothing is
     * applied)
     */
    public MigrateResult migrate() {
        return this.commands.migrate();
    }

    /**
     * The current picture: every known migration with its state; reads only, takes no
     * lock.
     */
    public MigrationStatus status() {
        return this.commands.status();
    }

    /** Lists every problem that would stop {@code migrate}; changes nothing. */
    public ValidateResult validate() {
        return this.commands.validate();
    }

    /**
     * Undoes applied versioned migrations newest first with their rollback scripts, down
     * to (not including) {@code target}. Checks first that every version to undo has a
     * rollback script; each runs in a transaction with a {@code rollback} history row.
     * Rolled-back versions become {@code pending}.
     * @param target the version to return to, or {@code null} to undo every applied
     * versioned migration (as {@link #rollbackAll()})
     * @return what was rolled back
     */
    public RollbackResult rollback(MigrationVersion target) {
        return this.commands.rollback(target);
    }

    /**
     * Undoes applied versioned migrations down to {@code target}, as
     * {@link #rollback(MigrationVersion)}, with the version as a user typed it.
     * @param target the version to return to, e.g. {@code 3} or {@code 1.2}; {@code null}
     * or blank to undo every applied versioned migration
     * @return what was rolled back
     * @throws MigratorException naming {@code target} when it is not a version
     */
    public RollbackResult rollback(String target) {
        return rollback((target == null || target.isBlank()) ? null : parse("target", target));
    }

    /**
     * Undoes every applied versioned migration, newest first, as
     * {@link #rollback(MigrationVersion)} with no target.
     * @return what was rolled back
     */
    public RollbackResult rollbackAll() {
        return rollback((MigrationVersion) null);
    }

    /**
     * Marks an existing database as being at {@code version}: migrations up to it are
     * never applied. Only on an empty history.
     * @param version the version the database is at
     * @param description the description to record, or {@code null} for the configured
     * one
     */
    public void baseline(MigrationVersion version, String description) {
        if (version == null) {
            throw new MigratorException("version: name the version the database is at, e.g. 1");
        }
        this.commands.baseline(version, description);
    }

    /**
     * Marks an existing database as being at {@code version}, as
     * {@link #baseline(MigrationVersion, String)}, with the version as a user typed it.
     * @param version the version the database is at, e.g. {@code 3} or {@code 1.2}
     * @param description the description to record, or {@code null} for the configured
     * one
     * @throws MigratorException naming {@code version} when it is not a version
     */
    public void baseline(String version, String description) {
        baseline(parse("version", version), description);
    }

    /**
     * Accepts the current checksums of {@code changed} migrations and clears failed
     * non-transactional migrations (they become {@code pending}), by appending audit
     * rows.
     * @return what was changed
     */
    public RepairResult repair() {
        return this.commands.repair();
    }

    /**
     * Rehearses every pending transactional migration inside one transaction that is then
     * rolled back; the history is untouched.
     * @return the outcome per pending migration
     */
    public DryRunResult dryRun() {
        return this.commands.dryRun();
    }

    /**
     * Every history row of one version, oldest first (attempts, rollbacks, repairs).
     * @param version the version (any equal spelling matches, e.g. {@code 1} and
     * {@code 001})
     * @return the rows, empty when the version never ran
     */
    public List<HistoryEntry> history(MigrationVersion version) {
        if (version == null) {
            throw new MigratorException("version: name the version whose history to read, e.g. 1");
        }
        return this.commands.history(version);
    }

    /**
     * Every history row of one version, as {@link #history(MigrationVersion)}, with the
     * version as a user typed it.
     * @param version the version as written (any equal spelling matches, e.g. {@code 1}
     * and {@code 001})
     * @return the rows, empty when the version never ran
     * @throws MigratorException naming {@code version} when it is not a version
     */
    public List<HistoryEntry> history(String version) {
        return history(parse("version", version));
    }

    /**
     * The migration files in the configured locations, resolved as {@code migrate}
     * resolves them (names, versions, checksums, rollback pairing), without a database:
     * works with no {@code DataSource} configured. Scripts are not split; see
     * {@link #checkFiles()}.
     * @return the files, in the order {@code migrate} applies them
     * @throws InvalidMigrationException listing every problem of the files (a bad name, a
     * duplicate version, a rollback script without a migration, invalid UTF-8, a missing
     * location), as {@code migrate} would
     */
    public MigrationFileSet files() {
        return this.files.files();
    }

    /**
     * Checks the migration files without a database: what {@link #files()} checks, and
     * that every migration and rollback script splits into statements. Works with no
     * {@code DataSource} configured; changes nothing.
     * @return every problem found, each of kind
     * {@link ValidateResult.Kind#INVALID_FILES}; valid when there is none
     */
    public ValidateResult checkFiles() {
        return this.files.check();
    }

    private static MigrationVersion parse(String parameter, String text) {
        try {
            return MigrationVersion.parse(text);
        }
        catch (IllegalArgumentException ex) {
            throw new MigratorException(parameter + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Cancels every command running on this migrator, from another thread. The statement
     * in flight is cancelled on the server: a migration running in a transaction is
     * rolled back (no history row), one running outside a transaction is recorded as
     * failed after the statements it completed; migrations completed before stay applied.
     * A cancel that comes between two migrations or statements stops the command before
     * the next one, and one that comes while waiting for the advisory lock stops the
     * wait. The command ends with {@link MigrationCancelledException}, and releases the
     * advisory lock. A command already past its last migration finishes normally.
     * @return whether a command was running
     */
    public boolean cancel() {
        return this.commands.cancel();
    }

}
