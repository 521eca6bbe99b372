package dev.migrator.internal.sql;

/**
 * A top-level {@code BEGIN}/{@code START TRANSACTION} or {@code COMMIT}/{@code END} of a
 * psql-style script that the parser dropped because migrator owns the transaction.
 *
 * @param sql the dropped statement as written
 * @param line the 1-based line it was on
 */
public record TransactionControl(String sql, int line) {
}
