package dev.migrator.sample.devdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.sample.devdb.ConfiguredDatabaseProbe.Answer;
import dev.migrator.sample.devdb.ConfiguredDatabaseProbe.Outcome;

/**
 * Chooses the database of a development run: the configured PostgreSQL when it answers
 * (creating the configured database when the server has no such database); otherwise a
 * PostgreSQL of the run's own, in a Docker container when a Docker engine answers (and
 * {@code useDocker} allows it), else an embedded one. Logs one line that says which.
 */
final class DevelopmentDatabases {

    private static final Logger logger = LoggerFactory.getLogger(DevelopmentDatabases.class);

    private DevelopmentDatabases() {
    }

    /**
     * Uses the configured database or starts one.
     * @param configured the database {@code spring.datasource.*} configures
     * @param useDocker whether a Docker engine may be used when one answers
     * @return the database to use; closing it stops a database the run started
     * @throws IllegalStateException when the configured server answers but refuses the
     * connection, or the missing database cannot be created
     */
    static DevelopmentDatabase useOrStart(ConfiguredDatabase configured, boolean useDocker) {
        String databaseName = JdbcUrls.databaseName(configured.jdbcUrl());
        Outcome outcome = ConfiguredDatabaseProbe.probe(configured, databaseName);
        if (outcome.answer() == Answer.CONNECTED) {
            logger.info("Development database: {}", configured.description());
            return configured;
        }
        if (outcome.answer() == Answer.NO_SUCH_DATABASE) {
            configured.createDatabase(databaseName);
            logger.info("Development database: {} (created the database '{}', which did not exist)",
                    configured.description(), databaseName);
            return configured;
        }
        String why = "the configured PostgreSQL at " + JdbcUrls.withoutPassword(configured.jdbcUrl())
                + " does not answer (" + outcome.failure().getMessage() + ")";
        DevelopmentDatabase started;
        if (!useDocker) {
            started = EmbeddedDatabase.start(databaseName);
            why += " and " + DevelopmentDatabaseConfiguration.USE_DOCKER + " is false";
        }
        else if (ContainerDatabase.isDockerAvailable()) {
            started = ContainerDatabase.start(databaseName);
        }
        else {
            started = EmbeddedDatabase.start(databaseName);
            why += " and no Docker engine answers";
        }
        logger.info("Development database: {}; started {}; it stops with the application", why, started.description());
        return started;
    }

}
