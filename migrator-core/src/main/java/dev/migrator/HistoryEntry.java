package dev.migrator;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One row of the history table: an attempt to apply, a rollback, a baseline or a repair.
 * The table is an append-only log; rows are never updated or deleted.
 * <p>
 * A newer migrator may write values this one does not know (a {@code running} status, a
 * new kind of row): they are kept as written, in {@link #status()} and {@link #typeId()},
 * so they can be shown as such; {@link #isSuccess()}, {@link #isFailed()} and
 * {@link #type()} tell what this migrator understands of them.
 *
 * @param id the row's id, in the order rows were written
 * @param version the version, {@code null} for repeatable migrations (and for a row whose
 * recorded version is not a valid version)
 * @param description the description
 * @param typeId the kind of row as stored in the {@code type} column ({@code versioned},
 * {@code repeatable}, {@code baseline}, {@code rollback}, or a kind a newer migrator
 * wrote)
 * @param script the script as recorded
 * @param checksum the script's checksum, or {@code null}
 * @param status the status as stored in the {@code status} column: {@code completed},
 * {@code failed}, or a status a newer migrator wrote
 * @param appliedBy the database user that wrote it
 * @param appliedAt when it was written
 * @param duration how long the attempt took (to the millisecond)
 * @param errorMessage the error of a failed attempt, or the note of a repair row;
 * otherwise {@code null}
 */
public record HistoryEntry(long id, MigrationVersion version, String description, String typeId, String script,
        String checksum, String status, String appliedBy, Instant appliedAt, Duration duration, String errorMessage) {

    /** The {@code status} of a row that completed. */
    public static final String COMPLETED = "completed";

    /** The {@code status} of a row that failed. */
    public static final String FAILED = "failed";

    private static final Map<String, MigrationType> TYPES = Arrays.stream(MigrationType.values())
        .collect(Collectors.toUnmodifiableMap(MigrationType::id, Function.identity()));

    /**
     * The kind of row.
     * @return the type, or {@code null} when {@link #typeId()} is a kind this migrator
     * does not know (written by a newer one)
     */
    public MigrationType type() {
        return TYPES.get(this.typeId);
    }

    /** Whether the row's status is {@code completed}. */
    public boolean isSuccess() {
        return COMPLETED.equals(this.status);
    }

    /** Whether the row's status is {@code failed}. */
    public boolean isFailed() {
        return FAILED.equals(this.status);
    }

    /**
     * Whether the row's status is one this migrator knows ({@code completed} or
     * {@code failed}); otherwise a newer migrator wrote it.
     */
    public boolean hasKnownStatus() {
        return isSuccess() || isFailed();
    }
}
