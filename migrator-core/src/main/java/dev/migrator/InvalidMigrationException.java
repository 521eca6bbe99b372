package dev.migrator;

/**
 * A migration file (or the set of files) is not acceptable as it is: a name that matches
 * no pattern, a duplicate version, invalid UTF-8, an unterminated quote or comment, a
 * psql meta-command, ... Raised before anything is executed, so nothing has been applied.
 */
public class InvalidMigrationException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final String script;

    private final int line;

    /**
     * Creates the exception.
     * @param script the file, as shown to users (e.g.
     * {@code db/migration/003_add_index.sql}), or {@code null}
     * @param line the 1-based line the problem is at, or {@code 0} when it is about the
     * whole file
     * @param message the complete message: names the file and line, the cause, and the
     * fix
     */
    public InvalidMigrationException(String script, int line, String message) {
        super(message);
        this.script = script;
        this.line = line;
    }

    /**
     * The file, as shown to users, or {@code null} when the problem is not about one
     * file.
     */
    public String getScript() {
        return this.script;
    }

    /** The 1-based line of the problem, or {@code 0} when it is about the whole file. */
    public int getLine() {
        return this.line;
    }

}
