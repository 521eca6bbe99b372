package dev.migrator.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server the tests of this JVM use, chosen once.
 * <ol>
 * <li>{@code MIGRATOR_TEST_POSTGRES_URL} (environment variable or system property), when
 * set: that server;</li>
 * <li>otherwise, when a Docker engine is reachable: a Testcontainers PostgreSQL started
 * for this JVM;</li>
 * <li>otherwise the default {@value #DEFAULT_URL}.</li>
 * </ol>
 * The chosen server must let its user {@code CREATE DATABASE}. When it cannot be reached,
 * the first test fails with a message that says how to provide one: tests never skip
 * silently.
 */
public final class PostgresServer {

    /**
     * Name of the environment variable (or system property) that points the tests at a
     * server.
     */
    public static final String URL_VARIABLE = "MIGRATOR_TEST_POSTGRES_URL";

    /** Server used when nothing else is configured and no Docker engine is available. */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static final String IMAGE = "postgres:17-alpine";

    private static PostgresServer instance;

    private final JdbcUrl adminUrl;

    private final String origin;

    private PostgresServer(JdbcUrl adminUrl, String origin) {
        this.adminUrl = adminUrl;
        this.origin = origin;
    }

    /**
     * Returns the server for this JVM, starting a container the first time if that is the
     * chosen source.
     */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = choose();
            instance.checkReachable();
        }
        return instance;
    }

    private static PostgresServer choose() {
        String configured = System.getProperty(URL_VARIABLE, System.getenv(URL_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return new PostgresServer(JdbcUrl.parse(configured), URL_VARIABLE);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                    + container.getUsername() + "&password=" + container.getPassword();
            return new PostgresServer(JdbcUrl.parse(url), "Testcontainers (" + IMAGE + ")");
        }
        return new PostgresServer(JdbcUrl.parse(DEFAULT_URL), "default URL");
    }

    private static boolean dockerAvailable() {
        if (!dockerConfigured()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    /**
     * Whether anything points at a Docker engine (DOCKER_HOST, a Testcontainers
     * configuration, or a known socket), so that machines without Docker are not probed
     * (Testcontainers logs every failed probe as an error).
     */
    private static boolean dockerConfigured() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"), Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"), Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".rd", "docker.sock")));
        if (runtime != null) {
            candidates.add(Path.of(runtime, "docker.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private void checkReachable() {
        try (Connection ignored = adminConnection()) {
            // reachable
        }
        catch (SQLException ex) {
            throw new IllegalStateException("""
                    No PostgreSQL server for the tests: could not connect to %s (%s): %s
                    The tests need a real PostgreSQL whose user may CREATE DATABASE. Provide one of:
                      - a Docker engine, so Testcontainers starts PostgreSQL automatically;
                      - a running server at the default %s (e.g. 'pg_ctlcluster 15 main start');
                      - the variable %s=jdbc:postgresql://HOST:PORT/postgres?user=USER&password=PASSWORD
                    """.formatted(this.adminUrl.masked(), this.origin, ex.getMessage(), DEFAULT_URL, URL_VARIABLE), ex);
        }
    }

    /**
     * Opens a connection to the server's maintenance database (used to create and drop
     * test databases).
     */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(this.adminUrl.toString(), new Properties());
    }

    /** The JDBC URL of the maintenance database, with credentials. */
    public JdbcUrl adminUrl() {
        return this.adminUrl;
    }

    /** Where this server came from, for messages. */
    public String origin() {
        return this.origin;
    }

}
