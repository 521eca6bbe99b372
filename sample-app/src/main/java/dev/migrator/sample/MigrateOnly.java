package dev.migrator.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.migrator.MigrationStatus;
import dev.migrator.Migrator;

/**
 * The exit code of the {@value #PROFILE} mode: {@code 0} when the database is at this
 * application's version after start-up (nothing pending, nothing failed), {@code 1}
 * otherwise.
 * <p>
 * The migration itself already happened while the context started (a failing migration
 * stops the start-up, and the JVM exits non-zero). This bean checks the result, so a Job
 * that was started with migrations switched off, or against the wrong database, fails
 * loudly instead of reporting success.
 */
@Component
@Profile(MigrateOnly.PROFILE)
public class MigrateOnly implements ExitCodeGenerator {

    /** The profile that makes the application migrate and exit. */
    public static final String PROFILE = "migrate-only";

    private static final Logger logger = LoggerFactory.getLogger(MigrateOnly.class);

    private final Migrator migrator;

    /**
     * Creates the exit code generator.
     * @param migrator the application's migrator
     */
    public MigrateOnly(Migrator migrator) {
        this.migrator = migrator;
    }

    /**
     * Whether the {@value #PROFILE} profile is active.
     * @param environment the application's environment
     * @return {@code true} when the application should exit after start-up
     */
    public static boolean isActive(Environment environment) {
        return environment.matchesProfiles(PROFILE);
    }

    @Override
    public int getExitCode() {
        MigrationStatus status = this.migrator.status();
        if (status.pendingCount() == 0 && status.failedCount() == 0) {
            logger.info("Migrate-only: the database is at version {}; exiting", status.currentVersionText());
            return 0;
        }
        logger.error(
                "Migrate-only: after start-up {} migration(s) are still pending and {} failed "
                        + "(is migrator.run-on-startup false?); exiting with 1",
                status.pendingCount(), status.failedCount());
        return 1;
    }

}
