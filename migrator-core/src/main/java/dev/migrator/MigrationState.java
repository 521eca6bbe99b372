package dev.migrator;

import java.util.Locale;

/**
 * The state of one migration, derived from its file and its history rows. The javadoc of each value says what to do.
 */
public enum MigrationState {

    /** The file exists and has not been applied (or was rolled back). {@code migrate} applies it. */
    PENDING,

    /** Applied, and the file still has the checksum that was applied. Nothing to do. */
    APPLIED,

    /**
     * The latest attempt failed. A transactional migration left nothing behind: fix the file and run
     * {@code migrate} again. A non-transactional one may be partly applied: undo or complete it by hand, then
     * {@code repair} and {@code migrate}.
     */
    FAILED,

    /**
     * Applied, but its file was edited afterwards (checksum differs). Revert the edit and put the change in a new
     * migration; or, if the edit is cosmetic, run {@code repair} to accept the new checksum.
     */
    CHANGED,

    /** Applied, but its file is gone. Restore the file, or set {@code ignoreMissing} if it was removed on purpose. */
    MISSING,

    /**
     * Applied, and newer than any file this application knows: another (newer) release migrated the database. Normal
     * for an older replica during a rolling deploy; never an error.
     */
    FUTURE,

    /** A repeatable migration whose file changed since it was last applied. {@code migrate} applies it again. */
    OUTDATED,

    /** The baseline marker: the database was declared to be at this version. */
    BASELINE,

    /** A versioned migration at or below the baseline version: never applied, and it does not need to be. */
    BELOW_BASELINE;

    /** The wire name in kebab-case, shown by the endpoint and in logs, e.g. {@code below-baseline}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
