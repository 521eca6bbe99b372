package dev.migrator;

import java.util.List;

/**
 * What {@link Migrator#rollback(MigrationVersion)} did.
 *
 * @param rolledBack the rollback scripts that ran, newest version first
 * @param currentVersion the version after the rollback, or {@code null} when nothing is
 * applied any more
 */
public record RollbackResult(List<ExecutedMigration> rolledBack, MigrationVersion currentVersion) {

    /** Creates the result; the list is copied. */
    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }
}
