package dev.migrator;

import java.time.Duration;

/**
 * Hears what migrator does, so integrations (metrics, tracing, logs) can observe runs
 * without core knowing them. Every method has a no-op default. Methods are called on the
 * thread running the command; an exception thrown by a listener is logged and does not
 * affect the run.
 */
public interface MigrationListener {

    /**
     * A command started. Not called for the read-only {@link Command#STATUS} and
     * {@link Command#HISTORY} (see {@link Command#firesRunEvents()}).
     * @param command the command
     */
    default void runStarted(Command command) {
    }

    /**
     * A command finished.
     * @param command the command
     * @param duration how long it took
     * @param failure the error it ended with, or {@code null} when it succeeded
     */
    default void runFinished(Command command, Duration duration, Throwable failure) {
    }

    /**
     * A script is about to run.
     * @param type versioned, repeatable or rollback
     * @param version the version, or {@code null} for repeatable migrations
     * @param script the script
     */
    default void migrationStarted(MigrationType type, MigrationVersion version, String script) {
    }

    /**
     * A script finished.
     * @param migration what ran and how long it took
     * @param failure the error, or {@code null} when it succeeded
     */
    default void migrationFinished(ExecutedMigration migration, Throwable failure) {
    }

    /**
     * The run waited for the advisory lock (called once the lock is taken or the wait
     * gave up).
     * @param waited how long it waited
     * @param acquired whether the lock was taken in the end
     */
    default void lockWaited(Duration waited, boolean acquired) {
    }

}
