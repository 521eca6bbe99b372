package dev.migrator.internal.sql;

import java.util.List;

/**
 * A parsed migration script: its statements in order and how it must be run.
 *
 * @param name the file as shown to users (used in every message)
 * @param statements the statements to execute, in file order; empty for a file of only
 * comments or whitespace (a valid no-op; the caller decides whether to warn)
 * @param transactional whether the script runs in one transaction owned by the caller:
 * the directive when there is one, otherwise {@code true} unless a statement cannot run
 * in a transaction block
 * @param directive the first-line directive, or {@link TransactionDirective#NONE}
 * @param nonTransactionalReason why the script is not transactional (e.g.
 * {@code "line 4: CREATE INDEX CONCURRENTLY cannot run inside a transaction block"} or
 * the directive), or {@code null} when it is transactional
 * @param droppedTransactionControl the psql-style {@code BEGIN}/{@code COMMIT} statements
 * that were removed from {@link #statements()} because the caller's transaction replaces
 * them; logged by {@link ScriptExecutor}
 */
public record SqlScript(String name, List<SqlStatement> statements, boolean transactional,
        TransactionDirective directive, String nonTransactionalReason,
        List<TransactionControl> droppedTransactionControl) {

    /** Makes the lists unmodifiable. */
    public SqlScript {
        statements = List.copyOf(statements);
        droppedTransactionControl = List.copyOf(droppedTransactionControl);
    }

    /**
     * Whether the script has no statement at all (only comments, whitespace or dropped
     * BEGIN/COMMIT).
     */
    public boolean isEmpty() {
        return this.statements.isEmpty();
    }
}
