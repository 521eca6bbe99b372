package dev.migrator;

import java.time.Instant;

/**
 * One row of the history table: an attempt to apply, a rollback, a baseline or a repair. The table is an
 * append-only log; rows are never updated or deleted.
 *
 * @param id the row's id, in the order rows were written
 * @param version the version as recorded, {@code null} for repeatable migrations
 * @param description the description
 * @param type the kind of row
 * @param script the script as recorded
 * @param checksum the script's checksum, or {@code null}
 * @param success {@code true} for {@code completed}, {@code false} for {@code failed}
 * @param appliedBy the database user that wrote it
 * @param appliedAt when it was written
 * @param durationMs how long the attempt took
 * @param errorMessage the error of a failed attempt, or the note of a repair row; otherwise {@code null}
 */
public record HistoryEntry(long id, String version, String description, MigrationType type, String script,
        String checksum, boolean success, String appliedBy, Instant appliedAt, int durationMs,
        String errorMessage) {

    /** {@code completed} or {@code failed}, as stored in the {@code status} column. */
    public String status() {
        return success ? "completed" : "failed";
    }
}
