package dev.migrator;

import java.util.Locale;

/**
 * The state of one migration, derived from its file and its history rows. The javadoc of
 * each value says what to do.
 * <p>
 * Every state but {@link #BELOW_BASELINE} falls in exactly one of three groups, which
 * every reader (the status counts, the current version, the health indicator, metrics)
 * takes from here:
 * <ul>
 * <li>{@linkplain #isApplied() applied}: the database holds the migration and
 * {@code migrate} has nothing to run for it: {@code applied}, {@code baseline},
 * {@code future}, {@code changed} and {@code missing} (the last two are in the database
 * although their file is edited or gone; validation reports them);</li>
 * <li>{@linkplain #isPending() pending}: {@code migrate} runs it: {@code pending}, and
 * {@code outdated}, a repeatable migration that was applied once but whose file changed
 * since (or a rollback ran after it), so it is applied again. An outdated migration is
 * not counted as applied: what the database holds is not what this application has, and
 * the next {@code migrate} replaces it;</li>
 * <li>{@link #FAILED}: the latest attempt failed.</li>
 * </ul>
 * {@code below_baseline} is in none: it was never applied and never will be; nor is
 * {@code unrecognized}: whether it took effect cannot be told. Only versioned migrations
 * count for the current version, so it is the highest version of an applied one.
 */
public enum MigrationState {

    /**
     * The file exists and has not been applied (or was rolled back). {@code migrate}
     * applies it.
     */
    PENDING,

    /** Applied, and the file still has the checksum that was applied. Nothing to do. */
    APPLIED,

    /**
     * The latest attempt failed. A transactional migration left nothing behind: fix the
     * file and run {@code migrate} again. A non-transactional one may be partly applied:
     * undo or complete it by hand, then {@code repair} and {@code migrate}.
     */
    FAILED,

    /**
     * Applied, but its file was edited afterwards (checksum differs). Revert the edit and
     * put the change in a new migration; or, if the edit is cosmetic, run {@code repair}
     * to accept the new checksum.
     */
    CHANGED,

    /**
     * Applied, but its file is gone. Restore the file, or set {@code ignoreMissing} if it
     * was removed on purpose.
     */
    MISSING,

    /**
     * Applied, and newer than any file this application knows: another (newer) release
     * migrated the database. Normal for an older replica during a rolling deploy; never
     * an error.
     */
    FUTURE,

    /**
     * A repeatable migration whose file changed since it was last applied.
     * {@code migrate} applies it again.
     */
    OUTDATED,

    /** The baseline marker: the database was declared to be at this version. */
    BASELINE,

    /**
     * A versioned migration at or below the baseline version: never applied, and it does
     * not need to be.
     */
    BELOW_BASELINE,

    /**
     * Its latest history row has a status this migrator does not know (say
     * {@code running}): a newer migrator wrote it, and whether the migration took effect
     * cannot be told. Not counted as applied, never run; {@code validate} reports it and
     * {@code migrate} refuses to run. Normal for a moment while a newer replica migrates
     * during a rolling deploy; if it stays, finish the deploy so that a migrator that
     * knows the status handles it.
     */
    UNRECOGNIZED;

    /**
     * Whether the database holds this migration and {@code migrate} has nothing to run
     * for it: {@link #APPLIED}, {@link #BASELINE}, {@link #FUTURE}, {@link #CHANGED} or
     * {@link #MISSING}. Not {@link #OUTDATED}: that one is {@linkplain #isPending()
     * pending} (see the class description).
     */
    public boolean isApplied() {
        return switch (this) {
            case APPLIED, BASELINE, FUTURE, CHANGED, MISSING -> true;
            case PENDING, OUTDATED, FAILED, BELOW_BASELINE, UNRECOGNIZED -> false;
        };
    }

    /**
     * Whether {@code migrate} runs this migration: {@link #PENDING}, or {@link #OUTDATED}
     * (a repeatable migration whose file changed since it was applied).
     */
    public boolean isPending() {
        return this == PENDING || this == OUTDATED;
    }

    /**
     * The wire name in kebab-case, shown by the endpoint and in logs, e.g.
     * {@code below-baseline}.
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
