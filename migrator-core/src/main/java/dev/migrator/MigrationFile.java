package dev.migrator;

/**
 * One migration file as {@link Migrator#files()} found it in the configured locations,
 * without a database.
 *
 * @param type {@link MigrationType#VERSIONED} or {@link MigrationType#REPEATABLE}
 * @param version the version parsed from the file name, {@code null} for repeatable
 * migrations
 * @param description the description from the file name ({@code add_audit_logs} becomes
 * {@code add audit logs})
 * @param script the path relative to its location, '/'-separated (e.g.
 * {@code billing/002_add_invoices.sql}); what the history table records
 * @param location the configured location the file was found in, in its canonical form
 * with its prefix (e.g. {@code classpath:db/migration} or
 * {@code filesystem:/opt/app/sql})
 * @param checksum the SHA-256 (lower-case hex) of the content, as {@code migrate} records
 * it
 * @param rollbackScript the paired rollback script, relative to the same location (e.g.
 * {@code rollback/002_drop_invoices.sql}), or {@code null} when there is none
 */
public record MigrationFile(MigrationType type, MigrationVersion version, String description, String script,
        String location, String checksum, String rollbackScript) {

    /** Whether this is a versioned migration (not a repeatable one). */
    public boolean isVersioned() {
        return this.type == MigrationType.VERSIONED;
    }

    /** The version as written, or {@code null} for repeatable migrations. */
    public String versionText() {
        return (this.version != null) ? this.version.toString() : null;
    }

    /**
     * Where the file is, as messages show it: the location and the script, e.g.
     * {@code filesystem:/opt/sql/1_a.sql}.
     */
    public String displayName() {
        return this.location.endsWith("/") ? this.location + this.script : this.location + "/" + this.script;
    }
}
