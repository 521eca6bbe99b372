package dev.migrator.sample.devdb;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container, started with Testcontainers.
 */
final class ContainerDatabase implements DevelopmentDatabase {

    /** The image the container runs. */
    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;

    private ContainerDatabase(PostgreSQLContainer container) {
        this.container = container;
    }

    /**
     * Whether a Docker engine answers (Testcontainers' own check).
     * @return {@code true} when a container can be started
     */
    static boolean isDockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * Starts a container with an empty database.
     * @param databaseName the name of the database to create
     * @return the running database
     */
    static ContainerDatabase start(String databaseName) {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withDatabaseName(databaseName);
        container.start();
        return new ContainerDatabase(container);
    }

    @Override
    public String jdbcUrl() {
        return this.container.getJdbcUrl();
    }

    @Override
    public String username() {
        return this.container.getUsername();
    }

    @Override
    public String password() {
        return this.container.getPassword();
    }

    @Override
    public String description() {
        return "PostgreSQL in a Docker container (Testcontainers, " + IMAGE + ", container "
                + this.container.getContainerId().substring(0, 12) + ") at " + jdbcUrl();
    }

    @Override
    public void close() {
        this.container.stop();
    }

}
