package dev.migrator;

import java.time.Duration;
import java.time.Instant;

/**
 * One migration as {@link Migrator#status()} sees it: its file (if any) merged with its
 * history rows.
 *
 * @param version the version as written in the file name (or recorded), {@code null} for
 * repeatable migrations
 * @param description the description from the file name (or recorded)
 * @param type versioned, repeatable or baseline
 * @param script the script path relative to its location (e.g.
 * {@code 001_initial_schema.sql}), or as recorded
 * @param checksum the SHA-256 of the file, or the recorded one when the file is gone
 * @param state the derived state
 * @param appliedAt when it was last applied (or last attempted, for
 * {@link MigrationState#FAILED}), or {@code null}
 * @param appliedBy the database user that applied it, or {@code null}
 * @param duration how long the last application or attempt took, or {@code null}
 * @param error the error of the latest failed attempt when {@link MigrationState#FAILED},
 * what is not known when {@link MigrationState#UNRECOGNIZED}, or {@code null}
 * @param rollbackScript the paired rollback script, or {@code null} when there is none
 * @param recordedChecksum the checksum recorded at the last application, or {@code null}
 */
public record MigrationInfo(MigrationVersion version, String description, MigrationType type, String script,
        String checksum, MigrationState state, Instant appliedAt, String appliedBy, Duration duration, String error,
        String rollbackScript, String recordedChecksum) {

    /** The version as written, or {@code null} for repeatable migrations. */
    public String versionText() {
        return (this.version != null) ? this.version.toString() : null;
    }
}
