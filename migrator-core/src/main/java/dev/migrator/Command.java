package dev.migrator;

import java.util.Arrays;
import java.util.List;

/**
 * The commands migrator runs, each with its wire name ({@link #id()}, used by the
 * Actuator endpoint's request body, the {@code command} metric tag and the command line)
 * and what it needs. {@link Migrator} runs each one; {@link MigrationListener} hears
 * which one ran.
 */
public enum Command {

    /** Applies the pending migrations ({@link Migrator#migrate()}). */
    MIGRATE("migrate", true, true, true),

    /**
     * Lists every problem that would stop {@code migrate} ({@link Migrator#validate()}).
     */
    VALIDATE("validate", false, true, true),

    /**
     * Reads the current picture ({@link Migrator#status()}); polled by health checks, so
     * it fires no run events.
     */
    STATUS("status", false, true, false),

    /**
     * Rehearses the pending migrations in a transaction that is rolled back
     * ({@link Migrator#dryRun()}).
     */
    DRY_RUN("dry-run", true, true, true),

    /**
     * Undoes applied migrations with their rollback scripts
     * ({@link Migrator#rollback(String)}).
     */
    ROLLBACK("rollback", true, true, true),

    /**
     * Marks an existing database as being at a version
     * ({@link Migrator#baseline(String, String)}).
     */
    BASELINE("baseline", true, false, true),

    /**
     * Accepts changed checksums and clears partly applied failures
     * ({@link Migrator#repair()}).
     */
    REPAIR("repair", true, true, true),

    /**
     * Reads the history rows of one version ({@link Migrator#history(String)}); fires no
     * run events.
     */
    HISTORY("history", false, false, false);

    private final String id;

    private final boolean takesLock;

    private final boolean needsFileContents;

    private final boolean firesRunEvents;

    Command(String id, boolean takesLock, boolean needsFileContents, boolean firesRunEvents) {
        this.id = id;
        this.takesLock = takesLock;
        this.needsFileContents = needsFileContents;
        this.firesRunEvents = firesRunEvents;
    }

    /** The wire name in kebab-case, e.g. {@code dry-run}. */
    public String id() {
        return this.id;
    }

    /**
     * Whether the command holds the PostgreSQL advisory lock for its whole run (it
     * changes the database, or, for {@code dry-run}, must not rehearse while another
     * instance migrates).
     */
    public boolean takesLock() {
        return this.takesLock;
    }

    /** Whether the command reads the migration files in the configured locations. */
    public boolean needsFileContents() {
        return this.needsFileContents;
    }

    /**
     * Whether the command needs a connection to the database (every command does today).
     */
    public boolean needsDatabase() {
        return true;
    }

    /**
     * Whether {@link MigrationListener#runStarted} and
     * {@link MigrationListener#runFinished} are called for it. The read-only
     * {@code status} and {@code history} fire none, so polling them (a health check)
     * records no runs.
     */
    public boolean firesRunEvents() {
        return this.firesRunEvents;
    }

    /**
     * The command with the given wire name.
     * @param id the wire name, e.g. {@code dry-run}
     * @return the command
     * @throws IllegalArgumentException for an unknown name (or {@code null}); the message
     * lists the valid ones
     */
    public static Command fromId(String id) {
        for (Command command : values()) {
            if (command.id.equals(id)) {
                return command;
            }
        }
        throw new IllegalArgumentException("Unknown command '" + id + "'; use one of " + String.join(", ", ids()));
    }

    /** The wire names of every command, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Command::id).toList();
    }

}
