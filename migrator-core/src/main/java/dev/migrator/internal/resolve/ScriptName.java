package dev.migrator.internal.resolve;

import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;

/**
 * The meaning of a script's file name. Parsed by hand, one look at each character, no
 * regular expression.
 * <ul>
 * <li>versioned: {@code <version>_<description>.sql}, {@code <version>-<description>.sql}
 * or Flyway's {@code V<version>__<description>.sql};</li>
 * <li>repeatable: {@code R__<description>.sql};</li>
 * <li>rollback (in {@code rollback/}): {@code <version>_<anything>.sql},
 * {@code <version>-<anything>.sql} or {@code U<version>__<anything>.sql}.</li>
 * </ul>
 * A version is digits with optional dots; the description turns {@code _} and {@code -}
 * into spaces.
 *
 * @param type {@link MigrationType#VERSIONED}, {@link MigrationType#REPEATABLE} or
 * {@link MigrationType#ROLLBACK}
 * @param version the version, {@code null} for a repeatable script
 * @param description the description, never empty
 */
record ScriptName(MigrationType type, MigrationVersion version, String description) {

    /** The file name suffix of scripts. */
    static final String SUFFIX = ".sql";

    /** The accepted names, for messages. */
    static final String ACCEPTED = "accepted names are <version>_<description>.sql or <version>-<description>.sql "
            + "(e.g. 001_initial_schema.sql, 002-add-audit-logs.sql, 2.1_fix.sql), V<version>__<description>.sql, "
            + "R__<description>.sql for repeatable scripts, and rollback/<version>_<description>.sql (or -, or "
            + "U<version>__<description>.sql) for rollback scripts; a version is digits with optional dots";

    /**
     * Parses the name of a script outside {@code rollback/}.
     * @param fileName the file name, ending in {@code .sql}
     * @return the meaning
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static ScriptName migration(String fileName) {
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (base.startsWith("R__")) {
            return new ScriptName(MigrationType.REPEATABLE, null, description(base, 3));
        }
        if (base.startsWith("V") && base.length() > 1 && isDigit(base.charAt(1))) {
            return flyway(MigrationType.VERSIONED, base);
        }
        if (base.startsWith("U") && base.length() > 1 && isDigit(base.charAt(1))) {
            throw new IllegalArgumentException(
                    "is an undo script outside rollback/: move it to rollback/ directly " + "under the location");
        }
        return plain(MigrationType.VERSIONED, base);
    }

    /**
     * Parses the name of a script in {@code rollback/}.
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    static ScriptName rollback(String fileName) {
        String base = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (base.startsWith("U") && base.length() > 1 && isDigit(base.charAt(1))) {
            return flyway(MigrationType.ROLLBACK, base);
        }
        if (base.startsWith("R__")) {
            throw new IllegalArgumentException("is a repeatable script in rollback/: repeatable scripts have no "
                    + "rollback; move it out of rollback/");
        }
        return plain(MigrationType.ROLLBACK, base);
    }

    private static ScriptName flyway(MigrationType type, String base) {
        int separator = base.indexOf("__", 1);
        if (separator < 0) {
            throw new IllegalArgumentException("has no '__' between version and description");
        }
        String version = base.substring(1, separator);
        if (isUnderscoredVersion(version)) {
            throw new IllegalArgumentException("has the version '" + version + "' written with '_' (Flyway reads "
                    + "V1_1__ as version 1.1); a version is digits with optional dots: rename it to " + base.charAt(0)
                    + version.replace('_', '.') + base.substring(separator) + ".sql");
        }
        return new ScriptName(type, version(version), description(base, separator + 2));
    }

    /**
     * Whether the text is {@code [0-9]+(_[0-9]+)+}: Flyway's way of writing 1.1 as
     * {@code 1_1}.
     */
    private static boolean isUnderscoredVersion(String text) {
        boolean afterDigit = false;
        boolean underscore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                afterDigit = true;
            }
            else if (c == '_' && afterDigit) {
                afterDigit = false;
                underscore = true;
            }
            else {
                return false;
            }
        }
        return afterDigit && underscore;
    }

    private static ScriptName plain(MigrationType type, String base) {
        int end = 0;
        while (end < base.length() && (isDigit(base.charAt(end)) || base.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("does not start with a version");
        }
        if (end == base.length() || (base.charAt(end) != '_' && base.charAt(end) != '-')) {
            throw new IllegalArgumentException("has no '_' or '-' between version and description");
        }
        return new ScriptName(type, version(base.substring(0, end)), description(base, end + 1));
    }

    private static MigrationVersion version(String text) {
        if (!MigrationVersion.isValid(text)) {
            throw new IllegalArgumentException(
                    "has the version '" + text + "', which is not digits with optional " + "dots");
        }
        return MigrationVersion.parse(text);
    }

    /**
     * The description from {@code start}: '_' and '-' become spaces, runs of them one
     * space, none at the ends.
     */
    private static String description(String base, int start) {
        StringBuilder description = new StringBuilder(base.length() - start);
        boolean space = false;
        for (int i = start; i < base.length(); i++) {
            char c = base.charAt(i);
            if (c == '_' || c == '-' || c == ' ') {
                space = description.length() > 0;
            }
            else {
                if (space) {
                    description.append(' ');
                    space = false;
                }
                description.append(c);
            }
        }
        if (description.length() == 0) {
            throw new IllegalArgumentException("has no description");
        }
        return description.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
