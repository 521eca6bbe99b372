package dev.migrator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Migrator#dryRun()} found: every pending transactional migration was
 * executed inside one transaction that was then rolled back. The history table is
 * untouched.
 *
 * @param migrations one entry per pending migration, in the order migrate would apply
 * them
 */
public record DryRunResult(List<Rehearsal> migrations) {

    /** Creates the result; the list is copied. */
    public DryRunResult {
        migrations = List.copyOf(migrations);
    }

    /** Whether every rehearsable migration succeeded. */
    public boolean isSuccess() {
        return this.migrations.stream().noneMatch((m) -> m.outcome() == Outcome.FAILURE);
    }

    /** The outcome of one rehearsal. */
    public enum Outcome {

        /** Ran without error (and was rolled back). */
        SUCCESS,

        /** Failed; see the error. Later migrations were not tried. */
        FAILURE,

        /**
         * Not rehearsed: it must run outside a transaction, so it cannot be rolled back.
         */
        NOT_REHEARSABLE,

        /** Not tried because an earlier migration failed. */
        NOT_REACHED;

        /** The wire name in kebab-case, as in JSON, e.g. {@code not-rehearsable}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

    }

    /**
     * One migration's rehearsal.
     *
     * @param version the version, {@code null} for repeatable migrations
     * @param description the description
     * @param script the script
     * @param outcome what happened
     * @param error the error message when it failed, otherwise {@code null}
     * @param duration how long it ran ({@link Duration#ZERO} when it did not run)
     */
    public record Rehearsal(MigrationVersion version, String description, String script, Outcome outcome, String error,
            Duration duration) {

        /** The version as written, or {@code null} for repeatable migrations. */
        public String versionText() {
            return (this.version != null) ? this.version.toString() : null;
        }
    }
}
