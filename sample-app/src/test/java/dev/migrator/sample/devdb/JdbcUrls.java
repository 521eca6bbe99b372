package dev.migrator.sample.devdb;

import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

/** What the development run needs to know about a PostgreSQL JDBC URL. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * The URL with the value of a {@code password} parameter masked, fit for a log line.
     * @param jdbcUrl a JDBC URL
     * @return the URL without its password
     */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1******");
    }

    /**
     * The database a PostgreSQL JDBC URL names.
     * @param jdbcUrl a {@code jdbc:postgresql:} URL
     * @return the database name
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL or names no
     * database
     */
    static String databaseName(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        String name = (parsed != null) ? parsed.getProperty("PGDBNAME") : null;
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("spring.datasource.url '" + withoutPassword(jdbcUrl)
                    + "' is not a PostgreSQL JDBC URL naming a database; expected e.g. "
                    + "jdbc:postgresql://localhost:5432/migrator_sample");
        }
        return name;
    }

    /**
     * The same URL naming another database on the same server, with the same parameters.
     * @param jdbcUrl a {@code jdbc:postgresql:} URL
     * @param databaseName the database to name instead
     * @return the new URL
     */
    static String withDatabase(String jdbcUrl, String databaseName) {
        return jdbcUrl.replaceFirst("^(jdbc:postgresql:(//[^/?]*/)?)[^?]*", "$1" + databaseName);
    }

    /**
     * Whether a connection failure means that no server answered (nothing listens, the
     * host is unreachable, the connection timed out), as opposed to a server that
     * answered and refused (authentication, missing database).
     * @param failure the failure of a connection attempt
     * @return {@code true} for the SQL states 08001 (unable to connect) and 08006
     * (connection failure); not for 08004 (the server rejected the connection, e.g. it
     * wants a password)
     */
    static boolean isNoAnswer(SQLException failure) {
        return "08001".equals(failure.getSQLState()) || "08006".equals(failure.getSQLState());
    }

}
