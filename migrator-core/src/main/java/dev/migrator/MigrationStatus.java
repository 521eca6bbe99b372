package dev.migrator;

import java.util.List;

/**
 * The one picture of a database's migrations that every command and every reader
 * (endpoint, health, metrics, logs) uses: the files this application knows merged with
 * the history table.
 *
 * @param schema the schema that holds the history table
 * @param table the history table's name
 * @param currentVersion the highest version whose state
 * {@linkplain MigrationState#isApplied() is applied} (baseline included), or {@code null}
 * when none is
 * @param migrations one entry per known migration, in the order they apply (versioned by
 * version, then repeatable by description), followed by missing and future ones in
 * version order
 */
public record MigrationStatus(String schema, String table, MigrationVersion currentVersion,
        List<MigrationInfo> migrations) {

    /** Creates the status; the list is copied. */
    public MigrationStatus {
        migrations = List.copyOf(migrations);
    }

    /** How many migrations are in the given state. */
    public int count(MigrationState state) {
        return (int) this.migrations.stream().filter((m) -> m.state() == state).count();
    }

    /** Migrations in the given state. */
    public List<MigrationInfo> inState(MigrationState state) {
        return this.migrations.stream().filter((m) -> m.state() == state).toList();
    }

    /**
     * How many migrations the database holds with nothing left to run for them: those
     * whose state {@linkplain MigrationState#isApplied() is applied} (applied, baseline,
     * future, changed or missing). An outdated repeatable migration counts as pending
     * instead, so applied, pending and failed never count one migration twice.
     */
    public int appliedCount() {
        return (int) this.migrations.stream().filter((m) -> m.state().isApplied()).count();
    }

    /**
     * How many migrations {@code migrate} would run: those whose state
     * {@linkplain MigrationState#isPending() is pending} (pending versioned and new
     * repeatable ones, and outdated repeatable ones).
     */
    public int pendingCount() {
        return (int) this.migrations.stream().filter((m) -> m.state().isPending()).count();
    }

    /** How many migrations failed at their latest attempt. */
    public int failedCount() {
        return count(MigrationState.FAILED);
    }

    /** The most recently applied migration (by application time), or {@code null}. */
    public MigrationInfo lastApplied() {
        MigrationInfo last = null;
        for (MigrationInfo m : this.migrations) {
            if (m.appliedAt() != null && m.state() != MigrationState.FAILED && m.state() != MigrationState.UNRECOGNIZED
                    && (last == null || m.appliedAt().isAfter(last.appliedAt()))) {
                last = m;
            }
        }
        return last;
    }

    /** The current version as written, or {@code null}. */
    public String currentVersionText() {
        return (this.currentVersion != null) ? this.currentVersion.toString() : null;
    }
}
