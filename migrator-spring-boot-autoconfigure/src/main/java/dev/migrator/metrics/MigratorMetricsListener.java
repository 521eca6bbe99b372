package dev.migrator.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.migrator.Command;
import dev.migrator.ExecutedMigration;
import dev.migrator.MigrationListener;

/**
 * Records what migrator does as Micrometer meters: {@code migrator.migration} (per
 * executed script, tags {@code type} and {@code outcome}),
 * {@code migrator.migration.failures} (tag {@code type}), {@code migrator.run} (per
 * command, tags {@code command}, the command's {@link Command#id()}, and {@code outcome};
 * not recorded for the read-only {@code status} and {@code history}) and
 * {@code migrator.lock.wait} (tag {@code outcome}: {@code acquired} or {@code timeout}).
 * Tags have bounded values only; versions and scripts are not tags.
 */
public class MigratorMetricsListener implements MigrationListener {

    /** Name of the per-script timer. */
    public static final String MIGRATION = "migrator.migration";

    /** Name of the failed-script counter. */
    public static final String FAILURES = "migrator.migration.failures";

    /** Name of the per-command timer. */
    public static final String RUN = "migrator.run";

    /** Name of the lock-wait timer. */
    public static final String LOCK_WAIT = "migrator.lock.wait";

    private final MeterRegistry registry;

    /**
     * Creates the listener.
     * @param registry where meters are registered
     */
    public MigratorMetricsListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void migrationFinished(ExecutedMigration migration, Throwable failure) {
        String type = migration.type().id();
        Timer.builder(MIGRATION)
            .description("Time taken to execute one migration script")
            .tag("type", type)
            .tag("outcome", outcome(failure))
            .register(this.registry)
            .record(migration.duration());
        if (failure != null) {
            Counter.builder(FAILURES)
                .description("Number of migration scripts that failed")
                .tag("type", type)
                .register(this.registry)
                .increment();
        }
    }

    @Override
    public void runFinished(Command command, Duration duration, Throwable failure) {
        Timer.builder(RUN)
            .description("Time taken by one migrator command, lock wait included")
            .tag("command", command.id())
            .tag("outcome", outcome(failure))
            .register(this.registry)
            .record(duration);
    }

    @Override
    public void lockWaited(Duration waited, boolean acquired) {
        Timer.builder(LOCK_WAIT)
            .description("Time spent waiting for the migration advisory lock")
            .tag("outcome", acquired ? "acquired" : "timeout")
            .register(this.registry)
            .record(waited);
    }

    private static String outcome(Throwable failure) {
        return (failure != null) ? "failure" : "success";
    }

}
