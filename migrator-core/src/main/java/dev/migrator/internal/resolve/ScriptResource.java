package dev.migrator.internal.resolve;

/**
 * A script file in a location (directory, jar, nested jar or file system), readable any
 * number of times.
 */
public interface ScriptResource {

    /**
     * Where the file is, for messages: the location plus the relative path, e.g.
     * {@code classpath:db/migration/001_initial_schema.sql} or
     * {@code filesystem:/opt/sql/rollback/001_x.sql}.
     */
    String displayName();

    /**
     * The location the file was found in, in its canonical form with its prefix, e.g.
     * {@code classpath:db/migration} or {@code filesystem:/opt/sql}.
     */
    String locationName();

    /**
     * The path relative to its location, '/'-separated (e.g.
     * {@code rollback/001_undo.sql}).
     */
    String relativePath();

    /**
     * Reads the content: strictly decoded UTF-8 (invalid bytes are an
     * {@link dev.migrator.InvalidMigrationException} naming the file and byte offset), a
     * leading BOM dropped, CRLF and CR turned into LF, together with its checksum,
     * computed over exactly this text in the same pass. The text is held once, one byte
     * per character where it can be (see {@link ScriptContent}). A file every call reads
     * again; a script whose text was kept when it was resolved ({@link KeptScript}) gives
     * that text every time, without reading the file.
     */
    ScriptContent read();

    /**
     * The content as a {@link String}: {@link #read()} copied whole; for small scripts
     * and tests.
     */
    default String readContent() {
        return read().toString();
    }

}
