package dev.migrator.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrator.InvalidMigrationException;
import dev.migrator.LockWaitTimeoutException;
import dev.migrator.MigrationCancelledException;
import dev.migrator.MigrationFailedException;
import dev.migrator.MigratorException;
import dev.migrator.Setting;
import dev.migrator.ValidateResult;
import dev.migrator.ValidateResult.Kind;
import dev.migrator.ValidationFailedException;

/**
 * Explains why migrator stopped the application from starting. The description is core's
 * message as it is (for a failed migration, its aligned block: file, statement, line,
 * SQLSTATE, message, excerpt, what was applied); the action is what to do in a Spring
 * Boot application, naming the {@code migrator.*} property of the setting the failure is
 * about.
 */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    private static final String START_AGAIN = "start the application again.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        if (cause instanceof MigrationFailedException failed) {
            return migrationFailed(failed);
        }
        if (cause instanceof MigrationCancelledException) {
            return new FailureAnalysis(
                    "Migrations were cancelled while the application was starting:\n" + cause.getMessage(),
                    "Start the application again to apply the remaining migrations.", cause);
        }
        if (cause instanceof ValidationFailedException invalid) {
            return new FailureAnalysis(
                    "Migrations were not applied because validation failed:\n" + invalid.getResult().describe(),
                    "Fix the problems listed above. For an applied migration that was edited, revert the edit and "
                            + "put the change in a new migration, or run 'repair' if the edit is cosmetic."
                            + settingsNamed(invalid.getResult()),
                    cause);
        }
        if (cause instanceof InvalidMigrationException invalid) {
            String where = (invalid.getScript() != null) ? "  Script : " + invalid.getScript() + "\n"
                    + ((invalid.getLine() > 0) ? "  Line   : " + invalid.getLine() + "\n" : "") : "";
            return new FailureAnalysis("A migration file is not acceptable; nothing was applied.\n" + where
                    + "  Problem: " + invalid.getMessage(), "Fix or rename the file as described, then " + START_AGAIN,
                    cause);
        }
        if (cause instanceof LockWaitTimeoutException) {
            return new FailureAnalysis(
                    "Timed out waiting for the migration lock held by another instance:\n" + cause.getMessage(),
                    "Wait for the other instance's migration to finish, or end the session named above if it is "
                            + "stuck; raise " + MigratorSettingProperties.propertyOf(cause.getSetting())
                            + " if migrations legitimately take longer.",
                    cause);
        }
        if (cause.getSetting() != null) {
            return new FailureAnalysis("Migrations could not be run: " + cause.getMessage(),
                    "Fix the cause named above; in this application '" + cause.getSetting().builderName()
                            + "' is set by " + MigratorSettingProperties.propertyOf(cause.getSetting()) + ". Then "
                            + START_AGAIN,
                    cause);
        }
        return new FailureAnalysis("Migrations could not be run: " + cause.getMessage(),
                "Fix the cause named above, then " + START_AGAIN, cause);
    }

    /**
     * The properties of the settings the problems suggest (ignoreMissing, outOfOrder), or
     * nothing.
     */
    private static String settingsNamed(ValidateResult result) {
        StringBuilder named = new StringBuilder();
        for (Kind kind : List.of(Kind.MISSING, Kind.OUT_OF_ORDER)) {
            Setting setting = (kind == Kind.MISSING) ? Setting.IGNORE_MISSING : Setting.OUT_OF_ORDER;
            if (result.problems().stream().anyMatch((p) -> p.kind() == kind)) {
                named.append(" In this application '")
                    .append(setting.builderName())
                    .append("' is set by ")
                    .append(MigratorSettingProperties.propertyOf(setting))
                    .append('.');
            }
        }
        return named.toString();
    }

    /**
     * Core's rendering of the failure, and only the next step of a Boot application as
     * the action.
     */
    private FailureAnalysis migrationFailed(MigrationFailedException ex) {
        String action = ex.isTransactional() ? "Fix " + ex.getScript() + ", then " + START_AGAIN
                : "Undo or complete the applied statements by hand and fix " + ex.getScript() + ", run 'repair' "
                        + "(e.g. POST {\"command\":\"repair\"} to /actuator/migrations, or Migrator.repair()), then "
                        + START_AGAIN;
        return new FailureAnalysis("A migration failed while the application was starting.\n" + ex.getMessage(), action,
                ex);
    }

}
