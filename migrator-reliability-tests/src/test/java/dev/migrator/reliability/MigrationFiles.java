package dev.migrator.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;

/** A directory of migration files written by a test, used as a {@code filesystem:} location. */
final class MigrationFiles {

    private final Path root;

    MigrationFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes (or overwrites) a file relative to the location, as UTF-8. */
    MigrationFiles file(String relativePath, String content) {
        return bytes(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes (or overwrites) a file relative to the location, byte for byte. */
    MigrationFiles bytes(String relativePath, byte[] content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    MigrationFiles delete(String relativePath) {
        try {
            Files.delete(root.resolve(relativePath));
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String location() {
        return "filesystem:" + root;
    }

    MigratorConfig.Builder configure(DataSource dataSource) {
        return Migrator.configure().dataSource(dataSource).locations(location());
    }
}
