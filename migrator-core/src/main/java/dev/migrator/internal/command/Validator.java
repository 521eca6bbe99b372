package dev.migrator.internal.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationType;
import dev.migrator.MigratorConfig;
import dev.migrator.ValidateResult.Kind;
import dev.migrator.ValidateResult.Problem;
import dev.migrator.internal.history.HistoryNotes;

/**
 * Finds what would stop {@code migrate} in a status picture; each problem names its file
 * and the fix.
 */
final class Validator {

    private Validator() {
    }

    static List<Problem> problems(MigrationStatus status, MigratorConfig config) {
        List<Problem> problems = new ArrayList<>();
        for (MigrationInfo m : status.migrations()) {
            switch (m.state()) {
                case CHANGED -> problems.add(new Problem(Kind.CHANGED, m.script(),
                        m.script() + " (version " + m.versionText()
                                + ") was edited after it was applied: recorded checksum " + m.recordedChecksum()
                                + ", file checksum " + m.checksum() + ". Revert the edit and put the "
                                + "change in a new migration, or run repair to accept the file as it is."));
                case MISSING -> {
                    if (!config.isIgnoreMissing()) {
                        problems.add(new Problem(Kind.MISSING, m.script(),
                                m.script() + " (" + describe(m)
                                        + ") is recorded as applied but its file is gone. Restore the file, "
                                        + "or turn ignoreMissing on if it was removed on purpose."));
                    }
                }
                case PENDING -> {
                    if (m.type() == MigrationType.VERSIONED && !config.isOutOfOrder() && status.currentVersion() != null
                            && status.currentVersion().isNewerThan(m.version())) {
                        problems.add(new Problem(Kind.OUT_OF_ORDER, m.script(), m.script() + " (version "
                                + m.versionText() + ") is pending but the database is already at version "
                                + status.currentVersionText() + ". Give it a version above "
                                + status.currentVersionText() + ", or turn outOfOrder on " + "to apply it anyway."));
                    }
                }
                case FAILED -> {
                    Problem partial = partialFailure(m);
                    if (partial != null) {
                        problems.add(partial);
                    }
                }
                case UNRECOGNIZED -> problems.add(unrecognizedStatus(m));
                default -> {
                }
            }
        }
        return problems;
    }

    /**
     * The problem of a non-transactional migration that failed part-way, or {@code null}.
     */
    static Problem partialFailure(MigrationInfo m) {
        if (m.state() != MigrationState.FAILED || !HistoryNotes.isPartial(m.error())) {
            return null;
        }
        String detail = m.error().substring(HistoryNotes.PARTIAL.length());
        int end = detail.indexOf(". ");
        return new Problem(Kind.FAILED_NON_TRANSACTIONAL, m.script(),
                m.script() + " (" + describe(m) + ") ran outside a transaction and failed part-way: "
                        + ((end > 0) ? detail.substring(0, end) : detail)
                        + ". Its first statements are applied. Undo or complete them by hand, fix the file, then "
                        + "run repair (it marks the migration pending again) and migrate.");
    }

    /**
     * What stops {@code migrate} even when validation is off: a partial failure or an
     * unrecognized status.
     */
    static Problem blocking(MigrationInfo m) {
        return (m.state() == MigrationState.UNRECOGNIZED) ? unrecognizedStatus(m) : partialFailure(m);
    }

    private static Problem unrecognizedStatus(MigrationInfo m) {
        return new Problem(Kind.UNRECOGNIZED_STATUS, m.script(), m.script() + " (" + describe(m) + "): " + m.error()
                + ", so whether it took effect cannot be told; this migrator neither counts it as applied nor runs "
                + "it. Finish the deploy of the newer migrator (it handles the row), or upgrade migrator in this "
                + "application.");
    }

    private static String describe(MigrationInfo m) {
        return (m.version() != null) ? "version " + m.versionText() : "repeatable '" + m.description() + "'";
    }

}
