package dev.migrator;

import java.time.Duration;

/**
 * A script that a command ran: a migration applied, a repeatable re-applied, or a
 * rollback script.
 *
 * @param version the version as written, {@code null} for repeatable migrations
 * @param description the description
 * @param type versioned, repeatable or rollback
 * @param script the script that ran
 * @param duration how long it took, including its history row
 */
public record ExecutedMigration(MigrationVersion version, String description, MigrationType type, String script,
        Duration duration) {

    /** The version as written, or {@code null}. */
    public String versionText() {
        return (this.version != null) ? this.version.toString() : null;
    }
}
