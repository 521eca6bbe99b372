package dev.migrator;

import java.util.Locale;

/**
 * What kind of script a migration or a history row is. Stored lower case in the history
 * table's {@code type} column and shown lower case by the Actuator endpoint.
 */
public enum MigrationType {

    /**
     * A {@code <version>_<description>.sql} (or Flyway
     * {@code V<version>__<description>.sql}) migration.
     */
    VERSIONED,

    /**
     * An {@code R__<description>.sql} script, applied again whenever its checksum
     * changes.
     */
    REPEATABLE,

    /** A marker written by {@code baseline}: the database already was at this version. */
    BASELINE,

    /** A rollback script that undid a versioned migration. */
    ROLLBACK;

    /** The lower-case name used in the history table and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name. */
    public static MigrationType fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

}
