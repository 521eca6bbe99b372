package dev.migrator.internal.resolve;

import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;

/**
 * A migration file found in a location, with its parsed name and checksum.
 *
 * @param version the version, {@code null} for repeatable migrations
 * @param description the description from the file name ({@code add_audit_logs} becomes
 * {@code add audit logs})
 * @param type {@link MigrationType#VERSIONED} or {@link MigrationType#REPEATABLE}
 * @param script the path relative to its location, '/'-separated (e.g.
 * {@code 001_initial_schema.sql} or {@code billing/002_add_invoices.sql}); this is what
 * the history table records
 * @param checksum SHA-256 (lower-case hex) of the content as UTF-8 after dropping a
 * leading BOM and turning CRLF and CR into LF
 * @param resource the file, to read its content when it runs; or, when the resolution
 * kept it, the text as it was checksummed (see {@link KeptScript})
 * @param rollback the paired rollback script, or {@code null}
 */
public record ResolvedMigration(MigrationVersion version, String description, MigrationType type, String script,
        String checksum, ScriptResource resource, ScriptResource rollback) {

    /** Whether this is a versioned migration. */
    public boolean isVersioned() {
        return this.type == MigrationType.VERSIONED;
    }
}
