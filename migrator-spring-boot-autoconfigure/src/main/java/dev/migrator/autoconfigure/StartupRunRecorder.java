package dev.migrator.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrationListener;
import dev.migrator.MigrationType;

/**
 * Records this instance's start-up run for the endpoint's {@code lastRun}. It is a
 * {@link MigrationListener} so it counts applied scripts whatever the start-up strategy
 * calls. Only the {@link MigratorInitializer} records; everyone else reads
 * {@link #lastRun()}.
 */
public class StartupRunRecorder implements MigrationListener {

    private final AtomicInteger applied = new AtomicInteger();

    private volatile Instant startedAt;

    private volatile StartupRun run;

    /** Marks the start of the start-up run. */
    void started() {
        this.applied.set(0);
        this.startedAt = Instant.now();
    }

    /**
     * Marks the end of the start-up run.
     * @param failure the error it ended with, or {@code null}
     */
    void finished(Throwable failure) {
        Instant start = this.startedAt;
        long durationMs = Duration.between(start, Instant.now()).toMillis();
        String outcome = (failure != null) ? StartupRun.FAILURE : StartupRun.SUCCESS;
        String error = (failure != null) ? String.valueOf(failure.getMessage()) : null;
        this.run = new StartupRun(start, durationMs, outcome, this.applied.get(), error);
    }

    /** Records that nothing ran at start-up. */
    void skipped() {
        this.run = new StartupRun(Instant.now(), 0, StartupRun.SKIPPED, 0, null);
    }

    /** The start-up run, or {@code null} when none was recorded. */
    public StartupRun lastRun() {
        return this.run;
    }

    @Override
    public void migrationFinished(ExecutedMigration migration, Throwable failure) {
        if (failure == null && migration.type() != MigrationType.ROLLBACK && this.run == null) {
            this.applied.incrementAndGet();
        }
    }

}
