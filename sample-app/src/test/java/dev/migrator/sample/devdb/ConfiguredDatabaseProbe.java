package dev.migrator.sample.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds out whether the configured PostgreSQL answers, with a short connection timeout.
 */
final class ConfiguredDatabaseProbe {

    /** Seconds to wait for the configured server to accept a connection. */
    static final int CONNECT_TIMEOUT_SECONDS = 2;

    private ConfiguredDatabaseProbe() {
    }

    /**
     * Connects to the configured database once.
     * @param configured the configured database
     * @param databaseName the name of the database the configured URL names
     * @return empty when the database answered and accepted the connection; the failure when no server answered
     * @throws IllegalStateException when a server answered but refused the connection (wrong user or password, no
     *     such database): a configuration error that a PostgreSQL of the run's own would only hide
     */
    static Optional<SQLException> noAnswerFrom(ConfiguredDatabase configured, String databaseName) {
        Properties properties = new Properties();
        if (configured.username() != null) {
            properties.setProperty("user", configured.username());
        }
        if (configured.password() != null) {
            properties.setProperty("password", configured.password());
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(2 * CONNECT_TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(configured.jdbcUrl(), properties)) {
            return Optional.empty();
        }
        catch (SQLException ex) {
            if (JdbcUrls.isNoAnswer(ex)) {
                return Optional.of(ex);
            }
            throw new IllegalStateException("The PostgreSQL server at " + JdbcUrls.withoutPassword(configured.jdbcUrl())
                    + " answered but refused the connection as user '" + configured.username() + "': "
                    + ex.getMessage() + " (SQL state " + ex.getSQLState() + "). Fix spring.datasource.url, "
                    + "spring.datasource.username or spring.datasource.password (environment variables "
                    + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), or create "
                    + "the database (createdb -h <host> -U <user> " + databaseName + ")",
                    ex);
        }
    }
}
