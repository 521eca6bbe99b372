package dev.migrator.internal.sql;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The statements collected for one JDBC batch, script statements and {@link Envelope}
 * statements mixed, with what each entry is, so that a failure can be pinned on the right
 * one.
 */
final class ScriptBatch {

    private final Statement statement;

    private final SqlScript script;

    private final BiConsumer<SqlScript, SQLWarning> warnings;

    private final StatementWatch watch;

    private final List<Entry> entries = new ArrayList<>();

    private int statements;

    ScriptBatch(Statement statement, SqlScript script, BiConsumer<SqlScript, SQLWarning> warnings,
            StatementWatch watch) {
        this.statement = statement;
        this.script = script;
        this.warnings = warnings;
        this.watch = watch;
    }

    void addStatement(int index) throws SQLException {
        String sql = this.script.statements().get(index).sql();
        this.statement.addBatch(sql);
        this.entries.add(new Entry(sql, index, false, -1));
        this.statements++;
    }

    void addEnvelope(boolean closing, int index, String sql) throws SQLException {
        this.statement.addBatch(sql);
        this.entries.add(new Entry(sql, -1, closing, index));
    }

    /** How many of the script's own statements are waiting. */
    int statementCount() {
        return this.statements;
    }

    /** Sends what is waiting (nothing when empty). */
    void flush() throws EnvelopeStatementException {
        if (this.entries.isEmpty()) {
            return;
        }
        try {
            this.watch.sending(this.statement);
            try {
                this.statement.executeBatch();
            }
            finally {
                this.watch.returned(this.statement);
            }
            this.warnings.accept(this.script, this.statement.getWarnings());
            this.statement.clearWarnings();
        }
        catch (BatchUpdateException ex) {
            int failed = StatementFailure.failedEntry(ex, this.entries.stream().map(Entry::sql).toList());
            if (failed < 0) {
                throw unattributed(ex);
            }
            Entry entry = this.entries.get(failed);
            if (entry.statement() >= 0) {
                throw StatementFailure.of(this.script, entry.statement(), entry.statement(), ex);
            }
            throw new EnvelopeStatementException(entry.closing(), entry.envelopeIndex(), entry.sql(),
                    StatementFailure.serverError(ex));
        }
        catch (SQLException ex) {
            throw unattributed(ex);
        }
        finally {
            this.entries.clear();
            this.statements = 0;
        }
    }

    /**
     * A failure no single entry can be blamed for (e.g. the connection broke during the
     * batch).
     */
    private RuntimeException unattributed(SQLException ex) throws EnvelopeStatementException {
        int first = -1;
        int last = -1;
        for (Entry entry : this.entries) {
            if (entry.statement() >= 0) {
                first = (first < 0) ? entry.statement() : first;
                last = entry.statement();
            }
        }
        if (first >= 0) {
            return StatementFailure.ofBatch(this.script, first, last, first, ex);
        }
        Entry any = this.entries.get(this.entries.size() - 1);
        throw new EnvelopeStatementException(any.closing(), -1, any.sql(), StatementFailure.serverError(ex));
    }

    /**
     * An entry: a script statement ({@code statement >= 0}) or the envelope's statement
     * {@code envelopeIndex}.
     */
    private record Entry(String sql, int statement, boolean closing, int envelopeIndex) {
    }

}
