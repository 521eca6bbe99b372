package dev.migrator.sample.devdb;

/**
 * The PostgreSQL server that {@code spring.datasource.*} points at, used as it is.
 * @param jdbcUrl the configured URL
 * @param username the configured user
 * @param password the configured password, or {@code null}
 */
record ConfiguredDatabase(String jdbcUrl, String username, String password) implements DevelopmentDatabase {

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
