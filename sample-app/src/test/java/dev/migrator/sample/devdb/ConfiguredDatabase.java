package dev.migrator.sample.devdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server that {@code spring.datasource.*} points at, used as it is.
 *
 * @param jdbcUrl the configured URL
 * @param username the configured user
 * @param password the configured password, or {@code null}
 */
record ConfiguredDatabase(String jdbcUrl, String username, String password) implements DevelopmentDatabase {

    /**
     * The database that every PostgreSQL server has, to connect to while the configured
     * one does not exist.
     */
    private static final String MAINTENANCE_DATABASE = "postgres";

    /**
     * Creates the database the configured URL names, connecting to the server's
     * {@code postgres} database.
     * @param databaseName the name of the database to create
     * @throws IllegalStateException when it cannot be created (e.g. the user may not
     * create databases)
     */
    void createDatabase(String databaseName) {
        String maintenanceUrl = JdbcUrls.withDatabase(this.jdbcUrl, MAINTENANCE_DATABASE);
        try (Connection connection = ConfiguredDatabaseProbe.connect(maintenanceUrl, this);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + databaseName.replace("\"", "\"\"") + "\"");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The database '" + databaseName + "' does not exist on the PostgreSQL "
                    + "server at " + JdbcUrls.withoutPassword(this.jdbcUrl) + ", and creating it as user '"
                    + this.username + "' failed: " + ex.getMessage() + " (SQL state " + ex.getSQLState() + "). "
                    + "Create it (createdb " + databaseName + ") or point spring.datasource.url "
                    + "(SPRING_DATASOURCE_URL) at an existing database", ex);
        }
    }

    @Override
    public String description() {
        return "the configured PostgreSQL at " + JdbcUrls.withoutPassword(this.jdbcUrl);
    }

    @Override
    public void close() {
        // Not started by the run: nothing to stop.
    }

    @Override
    public String toString() {
        return description();
    }
}
