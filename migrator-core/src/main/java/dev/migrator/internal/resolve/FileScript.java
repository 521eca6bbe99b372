package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A script that is a file in a directory (a {@code filesystem:} location or a class path
 * directory).
 */
final class FileScript extends LocatedScript {

    private final Path file;

    private final Path root;

    private final long listedSize;

    FileScript(Location location, String relativePath, Path file, Path root, long listedSize) {
        super(location, relativePath);
        this.file = file;
        this.root = root;
        this.listedSize = listedSize;
    }

    @Override
    long listedSize() {
        return this.listedSize;
    }

    @Override
    InputStream open() throws IOException {
        return Files.newInputStream(this.file);
    }

    @Override
    String origin() {
        return this.root.toString();
    }

}
