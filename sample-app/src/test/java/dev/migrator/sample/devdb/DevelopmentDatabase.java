package dev.migrator.sample.devdb;

/**
 * The PostgreSQL database a development run uses: the configured one, or one the run
 * started itself (and stops with {@link #close()}).
 */
interface DevelopmentDatabase extends AutoCloseable {

    /**
     * The JDBC URL to connect to.
     * @return the URL
     */
    String jdbcUrl();

    /**
     * The user to connect as.
     * @return the user name
     */
    String username();

    /**
     * The password of {@link #username()}.
     * @return the password, or {@code null} for none
     */
    String password();

    /**
     * Says which PostgreSQL this is and where, for the log (never with a password).
     * @return e.g. "an embedded PostgreSQL (zonky) at
     * jdbc:postgresql://localhost:41234/migrator_sample"
     */
    String description();

    /** Stops the database if the run started it; does nothing for the configured one. */
    @Override
    void close();

}
