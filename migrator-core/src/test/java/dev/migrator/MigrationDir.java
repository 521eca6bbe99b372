package dev.migrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

/** A directory of migration files written by a test, used as a {@code filesystem:} location. */
final class MigrationDir {

    private final Path root;

    MigrationDir(Path root) {
        this.root = root;
    }

    /** Writes (or overwrites) a file relative to the location. */
    MigrationDir file(String relativePath, String content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Deletes a file relative to the location. */
    MigrationDir delete(String relativePath) {
        try {
            Files.delete(root.resolve(relativePath));
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The location string. */
    String location() {
        return "filesystem:" + root;
    }

    /** A configuration builder for this location and data source. */
    MigratorConfig.Builder configure(DataSource dataSource) {
        return Migrator.configure().dataSource(dataSource).locations(location());
    }
}
