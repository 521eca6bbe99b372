package dev.migrator.actuate.endpoint;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.migrator.HistoryEntry;
import dev.migrator.MigrationInfo;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationVersion;
import dev.migrator.Migrator;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.AttemptDescriptor;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.DatabaseDescriptor;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.LastMigrationDescriptor;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.LastRunDescriptor;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.MigrationDescriptor;
import dev.migrator.actuate.endpoint.MigrationsDescriptor.MigrationDetailDescriptor;
import dev.migrator.autoconfigure.StartupRunRecorder;

/**
 * The {@code migrations} Actuator endpoint: the migration status of the database
 * ({@code GET /actuator/migrations}) and one migration with its history ({@code GET
 * /actuator/migrations/{version}}). Technology-neutral: both read operations also work
 * over JMX. The write operation, which runs commands, lives in
 * {@link MigrationsEndpointWebExtension}, so it exists over HTTP only. Never shows
 * credentials.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

    private final Migrator migrator;

    private final StartupRunRecorder recorder;

    /**
     * Creates the endpoint.
     * @param migrator the migrator to report on
     * @param recorder this instance's start-up run
     */
    public MigrationsEndpoint(Migrator migrator, StartupRunRecorder recorder) {
        this.migrator = migrator;
        this.recorder = recorder;
    }

    /**
     * The migration status of the database.
     * @return the status, the database (without credentials) and this instance's start-up
     * run
     */
    @ReadOperation
    public MigrationsDescriptor migrations() {
        MigrationStatus status = this.migrator.status();
        List<MigrationDescriptor> migrations = status.migrations().stream().map(MigrationDescriptor::of).toList();
        return new MigrationsDescriptor(database(), status.schema(), status.table(), status.currentVersionText(),
                status.appliedCount(), status.pendingCount(), status.failedCount(),
                LastMigrationDescriptor.of(status.lastApplied()), LastRunDescriptor.of(this.recorder.lastRun()),
                migrations);
    }

    /**
     * One versioned migration and every history row of its version.
     * @param version the version (any equal spelling: {@code 1}, {@code 001})
     * @return the migration, or {@code null} (404 over HTTP) when no migration has that
     * version
     */
    @ReadOperation
    public @Nullable MigrationDetailDescriptor migration(@Selector String version) {
        if (!MigrationVersion.isValid(version)) {
            return null;
        }
        MigrationVersion wanted = MigrationVersion.parse(version);
        Optional<MigrationInfo> found = this.migrator.status()
            .migrations()
            .stream()
            .filter((m) -> wanted.equals(m.version()))
            .findFirst();
        if (found.isEmpty()) {
            return null;
        }
        List<HistoryEntry> history = this.migrator.history(version);
        return new MigrationDetailDescriptor(MigrationDescriptor.of(found.get()),
                history.stream().map(AttemptDescriptor::of).toList());
    }

    private DatabaseDescriptor database() {
        try (Connection connection = this.migrator.getConfig().getDataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return new DatabaseDescriptor(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                    JdbcUrlSanitizer.sanitize(meta.getURL()), meta.getUserName());
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the database's metadata: " + ex.getMessage(), ex);
        }
    }

}
