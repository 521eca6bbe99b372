package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.InputStream;

import dev.migrator.InvalidMigrationException;

/**
 * A script found in a location: a file in a directory or an entry in a jar. It keeps only
 * where the file is, never its content; every {@link #read()} reads it again.
 */
abstract class LocatedScript implements ScriptResource {

    private final Location location;

    private final String relativePath;

    private final String displayName;

    LocatedScript(Location location, String relativePath) {
        this.location = location;
        this.relativePath = relativePath;
        this.displayName = location.displayName(relativePath);
    }

    /** Opens the raw bytes of the file. */
    abstract InputStream open() throws IOException;

    /**
     * Where the file physically is (a directory or a jar), for messages about two files
     * that share a display name because the same class path location exists in several
     * jars or directories.
     */
    abstract String origin();

    /** The location the script was found in. */
    Location location() {
        return this.location;
    }

    /** The file name: the last segment of the relative path. */
    String fileName() {
        return this.relativePath.substring(this.relativePath.lastIndexOf('/') + 1);
    }

    /**
     * The display name followed by the physical origin, for messages that name several
     * files.
     */
    String describe() {
        return this.displayName + " (in " + origin() + ")";
    }

    @Override
    public String displayName() {
        return this.displayName;
    }

    @Override
    public String locationName() {
        return this.location.displayName();
    }

    @Override
    public String relativePath() {
        return this.relativePath;
    }

    /**
     * The file's size as its listing gave it, or -1 when not known (see
     * {@link ScriptText#checksumOf}).
     */
    long listedSize() {
        return -1;
    }

    /**
     * The SHA-256 of the normalised content, in one pass over the file, with the given
     * reader's buffers; the reader also keeps the normalised bytes when there are at most
     * {@code keepUpTo} (see {@link ScriptText#keptLength()}).
     */
    String checksum(ScriptText reader, int keepUpTo) throws IOException {
        try (InputStream in = open()) {
            return reader.checksumOf(in, this.displayName, listedSize(), keepUpTo);
        }
    }

    @Override
    public ScriptContent read() {
        try (InputStream in = open()) {
            return ScriptText.read(in, this.displayName);
        }
        catch (IOException ex) {
            InvalidMigrationException failure = new InvalidMigrationException(this.displayName, 0,
                    this.displayName + " cannot be read: " + Problems.reason(ex)
                            + ". Fix: make sure the file exists and " + "is readable by the application");
            failure.initCause(ex);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return this.displayName;
    }

}
