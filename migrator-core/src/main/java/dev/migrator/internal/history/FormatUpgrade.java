package dev.migrator.internal.history;

/**
 * One step of the history table's format, from {@code from} to {@code from + 1}: SQL run
 * in the upgrade's transaction, with {@code {table}} standing for the quoted,
 * schema-qualified table. It must be idempotent ({@code add column if not exists}, ...)
 * and keep every column older formats rely on, or the format that introduces it must
 * raise its {@code min-reader}.
 *
 * @param from the format the step upgrades from
 * @param sql the statements, separated by semicolons
 */
record FormatUpgrade(int from, String sql) {

    /** The SQL for the given table. */
    String sqlFor(String qualifiedTable) {
        return this.sql.replace("{table}", qualifiedTable);
    }
}
