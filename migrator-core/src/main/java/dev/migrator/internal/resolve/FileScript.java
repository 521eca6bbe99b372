package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A script that is a file in a directory (a {@code filesystem:} location or a class path directory). */
final class FileScript extends LocatedScript {

    private final Path file;

    private final Path root;

    FileScript(Location location, String relativePath, Path file, Path root) {
        super(location, relativePath);
        this.file = file;
        this.root = root;
    }

    @Override
    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /**
     * Reads the file through a {@link FileChannel} straight into the reader's buffer: open, read, read (the end),
     * close, with no stream and no allocation per file. A channel gives up when its thread is interrupted (a thread
     * helping to resolve may be); the file is then read again with the interrupt held back, which is set again
     * afterwards: an interrupt never makes a file look unreadable, and is not lost.
     */
    @Override
    String checksum(ScriptText reader) throws IOException {
        try {
            return checksumThroughChannel(reader);
        }
        catch (ClosedByInterruptException interrupted) {
            Thread.interrupted();
            try {
                return checksumThroughChannel(reader);
            }
            catch (IOException | RuntimeException ex) {
                ex.addSuppressed(interrupted);
                throw ex;
            }
            finally {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String checksumThroughChannel(ScriptText reader) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return reader.checksumOf(channel, displayName());
        }
    }

    @Override
    String origin() {
        return root.toString();
    }
}
