package dev.migrator.actuate.endpoint;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationInfo;
import dev.migrator.autoconfigure.StartupRun;

/**
 * What the {@code migrations} endpoint's read operation returns
 * ({@code GET /actuator/migrations}, or the {@code migrations} operation of the JMX
 * MBean). Every field is always present (absent values are {@code null}); timestamps are
 * ISO-8601 in UTC; {@code type} and {@code state} are lower case.
 *
 * @param database the database migrated
 * @param schema the schema of the history table
 * @param table the history table
 * @param currentVersion the highest applied version, or {@code null}
 * @param appliedMigrations how many migrations are applied
 * @param pendingMigrations how many migrations {@code migrate} would run
 * @param failedMigrations how many migrations failed at their latest attempt
 * @param lastMigration the most recently applied migration, or {@code null}
 * @param lastRun this instance's start-up run, or {@code null}
 * @param migrations one entry per known migration
 */
@JsonInclude(Include.ALWAYS)
public record MigrationsDescriptor(DatabaseDescriptor database, String schema, String table, String currentVersion,
        int appliedMigrations, int pendingMigrations, int failedMigrations, LastMigrationDescriptor lastMigration,
        LastRunDescriptor lastRun, List<MigrationDescriptor> migrations) implements OperationResponseBody {

    /** Copies the list, so the record stays immutable. */
    public MigrationsDescriptor {
        migrations = List.copyOf(migrations);
    }

    static String iso(Instant instant) {
        return (instant != null) ? instant.toString() : null;
    }

    /**
     * The database, without credentials.
     *
     * @param product the product name
     * @param version the server version
     * @param url the JDBC URL without query string or user info
     * @param user the database user
     */
    @JsonInclude(Include.ALWAYS)
    public record DatabaseDescriptor(String product, String version, String url, String user) {
    }

    /**
     * The most recently applied migration.
     *
     * @param version its version, {@code null} for a repeatable migration
     * @param description its description
     * @param appliedAt when it was applied
     */
    @JsonInclude(Include.ALWAYS)
    public record LastMigrationDescriptor(String version, String description, String appliedAt) {

        static LastMigrationDescriptor of(MigrationInfo info) {
            return (info != null)
                    ? new LastMigrationDescriptor(info.versionText(), info.description(), iso(info.appliedAt())) : null;
        }

    }

    /**
     * This instance's start-up run.
     *
     * @param startedAt when it started
     * @param durationMs how long it took
     * @param outcome {@code success}, {@code failure} or {@code skipped}
     * @param applied how many scripts it applied
     * @param error the error of a failed run, or {@code null}
     */
    @JsonInclude(Include.ALWAYS)
    public record LastRunDescriptor(String startedAt, long durationMs, String outcome, int applied, String error) {

        static LastRunDescriptor of(StartupRun run) {
            return (run != null) ? new LastRunDescriptor(iso(run.startedAt()), run.durationMs(), run.outcome(),
                    run.applied(), run.error()) : null;
        }

    }

    /**
     * One known migration.
     *
     * @param version its version, {@code null} for a repeatable migration
     * @param description its description
     * @param type {@code versioned}, {@code repeatable} or {@code baseline}
     * @param script the script
     * @param checksum the checksum of the file (or the recorded one)
     * @param state the state, lower case
     * @param appliedAt when it was applied or last attempted
     * @param appliedBy the database user that applied it
     * @param durationMs how long it took
     * @param error the error of the latest failed attempt
     * @param rollbackScript the paired rollback script
     */
    @JsonInclude(Include.ALWAYS)
    public record MigrationDescriptor(String version, String description, String type, String script, String checksum,
            String state, String appliedAt, String appliedBy, Integer durationMs, String error, String rollbackScript) {

        static MigrationDescriptor of(MigrationInfo info) {
            return new MigrationDescriptor(info.versionText(), info.description(), info.type().id(), info.script(),
                    info.checksum(), info.state().id(), iso(info.appliedAt()), info.appliedBy(), millis(info),
                    info.error(), info.rollbackScript());
        }

        /**
         * The duration in milliseconds, as the JSON has always shown it, or {@code null}.
         */
        private static Integer millis(MigrationInfo info) {
            return (info.duration() != null) ? Math.toIntExact(info.duration().toMillis()) : null;
        }

    }

    /**
     * What {@code GET /actuator/migrations/{version}} (or the JMX operation
     * {@code migration}) returns: the migration and every history row of its version.
     *
     * @param migration the migration's entry
     * @param history its history rows, oldest first
     */
    @JsonInclude(Include.ALWAYS)
    public record MigrationDetailDescriptor(MigrationDescriptor migration,
            List<AttemptDescriptor> history) implements OperationResponseBody {

        /** Copies the list, so the record stays immutable. */
        public MigrationDetailDescriptor {
            history = List.copyOf(history);
        }

    }

    /**
     * One history row.
     *
     * @param id the row's id
     * @param type the kind of row, lower case (as stored, also when a newer migrator
     * wrote a kind this one does not know)
     * @param script the script
     * @param checksum the checksum
     * @param status {@code completed} or {@code failed}, or as stored when a newer
     * migrator wrote another status
     * @param appliedBy the database user that wrote it
     * @param appliedAt when it was written
     * @param durationMs how long the attempt took
     * @param error the error of a failed attempt (or a repair note)
     */
    @JsonInclude(Include.ALWAYS)
    public record AttemptDescriptor(long id, String type, String script, String checksum, String status,
            String appliedBy, String appliedAt, int durationMs, String error) {

        static AttemptDescriptor of(HistoryEntry entry) {
            return new AttemptDescriptor(entry.id(), entry.typeId(), entry.script(), entry.checksum(), entry.status(),
                    entry.appliedBy(), iso(entry.appliedAt()), (int) entry.duration().toMillis(), entry.errorMessage());
        }

    }

}
