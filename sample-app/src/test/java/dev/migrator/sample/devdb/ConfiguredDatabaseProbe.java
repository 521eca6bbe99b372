package dev.migrator.sample.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Finds out whether the configured PostgreSQL answers, with a short connection timeout.
 */
final class ConfiguredDatabaseProbe {

    /** Seconds to wait for the configured server to accept a connection. */
    static final int CONNECT_TIMEOUT_SECONDS = 2;

    /** SQL state of PostgreSQL's "database ... does not exist". */
    private static final String INVALID_CATALOG_NAME = "3D000";

    private ConfiguredDatabaseProbe() {
    }

    /**
     * Connects to the configured database once.
     * @param configured the configured database
     * @param databaseName the name of the database the configured URL names
     * @return what happened
     * @throws IllegalStateException when a server answered but refused the connection for
     * another reason than a missing database (e.g. wrong user or password): a
     * configuration error that a PostgreSQL of the run's own would only hide
     */
    static Outcome probe(ConfiguredDatabase configured, String databaseName) {
        try (Connection connection = connect(configured.jdbcUrl(), configured)) {
            return new Outcome(Answer.CONNECTED, null);
        }
        catch (SQLException ex) {
            if (JdbcUrls.isNoAnswer(ex)) {
                return new Outcome(Answer.NO_ANSWER, ex);
            }
            if (INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
                return new Outcome(Answer.NO_SUCH_DATABASE, ex);
            }
            throw new IllegalStateException("The PostgreSQL server at " + JdbcUrls.withoutPassword(configured.jdbcUrl())
                    + " answered but refused the connection as user '" + configured.username() + "' to the database '"
                    + databaseName + "': " + ex.getMessage() + " (SQL state " + ex.getSQLState() + "). Fix "
                    + "spring.datasource.url, spring.datasource.username or spring.datasource.password (environment "
                    + "variables SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)", ex);
        }
    }

    /**
     * Opens a connection with the configured credentials and the short timeout.
     * @param jdbcUrl the URL to connect to
     * @param configured the configured database, for its user and password
     * @return the connection
     * @throws SQLException when it cannot be opened
     */
    static Connection connect(String jdbcUrl, ConfiguredDatabase configured) throws SQLException {
        Properties properties = new Properties();
        if (configured.username() != null) {
            properties.setProperty("user", configured.username());
        }
        if (configured.password() != null) {
            properties.setProperty("password", configured.password());
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(2 * CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** How the configured server answered. */
    enum Answer {

        /** The server answered and the connection to the database was opened. */
        CONNECTED,

        /** The server answered, but the database does not exist. */
        NO_SUCH_DATABASE,

        /**
         * No server answered: nothing listens, the host is unreachable, or the connection
         * timed out.
         */
        NO_ANSWER

    }

    /**
     * The result of {@link #probe}.
     *
     * @param answer how the server answered
     * @param failure the failure of the connection attempt, {@code null} when
     * {@link Answer#CONNECTED}
     */
    record Outcome(Answer answer, SQLException failure) {
    }

}
