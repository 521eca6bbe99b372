package dev.migrator;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#migrate()} did.
 *
 * @param initialVersion the version before the run, or {@code null} for an empty history
 * @param currentVersion the version after the run, or {@code null}
 * @param applied the migrations applied, in order, with their durations
 * @param duration how long the whole run took, lock wait included
 */
public record MigrateResult(MigrationVersion initialVersion, MigrationVersion currentVersion,
        List<ExecutedMigration> applied, Duration duration) {

    /** Creates the result; the list is copied. */
    public MigrateResult {
        applied = List.copyOf(applied);
    }
}
