package dev.migrator.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory of migration files that a test writes, used as a {@code filesystem:}
 * location. <pre>
 * MigrationFiles files = new MigrationFiles(tempDir)
 *         .file("1_create.sql", "create table a (id int);")
 *         .file("2_add.sql", "alter table a add column b text;");
 * Migrator.configure().dataSource(db.dataSource()).locations(files.location()).load().migrate();
 * </pre> Writes create missing parent directories and overwrite existing files; I/O
 * failures are rethrown unchecked. Open for a test module's own fixture that adds how it
 * runs the files.
 */
public class MigrationFiles {

    private final Path root;

    /** Files under {@code root}; the directory need not exist yet. */
    public MigrationFiles(Path root) {
        this.root = root;
    }

    /** The directory the files are written to. */
    public Path root() {
        return this.root;
    }

    /** Writes (or overwrites) a file relative to the location, as UTF-8; returns this. */
    public MigrationFiles file(String relativePath, String content) {
        return bytes(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes (or overwrites) a file relative to the location, byte for byte (any
     * encoding, BOM, NUL); returns this.
     */
    public MigrationFiles bytes(String relativePath, byte[] content) {
        try {
            Path file = this.root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deletes a file relative to the location; returns this. Fails if the file does not
     * exist.
     */
    public MigrationFiles delete(String relativePath) {
        try {
            Files.delete(this.root.resolve(relativePath));
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The location to give migrator: {@code filesystem:} and the directory. */
    public String location() {
        return "filesystem:" + this.root;
    }

}
