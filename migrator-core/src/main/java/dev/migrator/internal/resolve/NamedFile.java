package dev.migrator.internal.resolve;

import java.util.Locale;

/**
 * A file found in a location, sorted out by its path before anything is read: a script
 * (with its parsed name), a file whose name is a problem (with the message), or a file
 * that is no script at all (ignored).
 *
 * @param file the file
 * @param name the parsed name when the file is a script, else {@code null}
 * @param problem what is wrong with the name, or {@code null}
 */
record NamedFile(LocatedScript file, ScriptName name, String problem) {

    /** The directory of rollback scripts, directly under a location. */
    static final String ROLLBACK_DIR = "rollback/";

    /** Sorts out a file by its path; reads nothing and reports nothing. */
    static NamedFile of(LocatedScript file) {
        String fileName = file.fileName();
        if (!fileName.endsWith(ScriptName.SUFFIX)) {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(ScriptName.SUFFIX)) {
                return problem(file, file.displayName() + " ends in '" + fileName.substring(fileName.length() - 4)
                        + "', but scripts must end in '.sql' (lower case). Fix: rename it to end in .sql");
            }
            return new NamedFile(file, null, null);
        }
        String path = file.relativePath();
        boolean inRollback = path.startsWith(ROLLBACK_DIR);
        if (!inRollback && (path.contains("/" + ROLLBACK_DIR))) {
            return problem(file,
                    file.displayName() + " is in a rollback/ directory that is not directly under its "
                            + "location, so it would run as a migration. Fix: move it to "
                            + file.location().displayName(ROLLBACK_DIR) + ", where rollback scripts are recognised");
        }
        try {
            return new NamedFile(file, inRollback ? ScriptName.rollback(fileName) : ScriptName.migration(fileName),
                    null);
        }
        catch (IllegalArgumentException ex) {
            return problem(file,
                    file.displayName() + " " + ex.getMessage() + ". Fix: rename it; " + ScriptName.ACCEPTED);
        }
    }

    private static NamedFile problem(LocatedScript file, String message) {
        return new NamedFile(file, null, message);
    }

    /** Whether the file is a script, whose checksum is needed. */
    boolean isScript() {
        return this.name != null;
    }
}
