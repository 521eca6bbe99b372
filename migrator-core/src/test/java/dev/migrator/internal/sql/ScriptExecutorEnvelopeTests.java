package dev.migrator.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrator.MigrationFailedException;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A transactional script sent together with the engine's own opening and closing
 * statements.
 */
class ScriptExecutorEnvelopeTests {

    private static final String FILE = "db/migration/V3__enveloped.sql";

    private static final Envelope BEGIN_COMMIT = new Envelope(List.of("begin", "set local lock_timeout = 1000"),
            List.of("insert into t values (pg_current_xact_id())", "commit"));

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void clean() {
        db.execute("drop schema public cascade; create schema public");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 500 })
    void scriptAndEnvelopeRunInOneTransaction(int batchSize) throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (tx xid8);\n"
                + "insert into t values (pg_current_xact_id());\ninsert into t values (pg_current_xact_id());\n");
        try (Connection connection = db.connection()) {
            assertThat(new ScriptExecutor(batchSize).execute(connection, script, BEGIN_COMMIT)).isEqualTo(3);
        }
        assertThat(db.value("select count(*) || ' rows, ' || count(distinct tx) || ' transaction' from t"))
            .isEqualTo("3 rows, 1 transaction");
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 500 })
    void failingScriptStatementIsNumberedWithinTheScript(int batchSize) throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (id int primary key);\ninsert into t values (1);\n"
                + "insert into t values (1);\ninsert into t values (2);\n");
        try (Connection connection = db.connection()) {
            MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
                    () -> new ScriptExecutor(batchSize).execute(connection, script, BEGIN_COMMIT));
            assertThat(ex.getStatementNumber()).isEqualTo(3);
            assertThat(ex.getStatementLine()).isEqualTo(3);
            assertThat(ex.getSqlState()).isEqualTo("23505");
            rollback(connection);
        }
        assertThat(db.tableExists("t")).as("commit never ran").isFalse();
    }

    @Test
    void failingClosingStatementIsTheEnvelopes() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (id int);\ninsert into t values (1);\n");
        Envelope envelope = new Envelope(List.of("begin"), List.of("insert into missing values (1)", "commit"));
        try (Connection connection = db.connection()) {
            EnvelopeStatementException ex = catchThrowableOfType(EnvelopeStatementException.class,
                    () -> new ScriptExecutor().execute(connection, script, envelope));
            assertThat(ex.isClosing()).isTrue();
            assertThat(ex.index()).isZero();
            assertThat(ex.getSQLState()).isEqualTo("42P01");
            assertThat(ex.getMessage()).contains("insert into missing values (1)", "\"missing\" does not exist");
            rollback(connection);
        }
        assertThat(db.tableExists("t")).isFalse();
    }

    @Test
    void closingStatementsFollowACopyThatEndsTheScript() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (tx xid8);\ncopy t from stdin;\n1\n\\.\n");
        Envelope envelope = new Envelope(List.of("begin"),
                List.of("delete from t where tx = '1'", "insert into t values (pg_current_xact_id())", "commit"));
        try (Connection connection = db.connection()) {
            assertThat(new ScriptExecutor().execute(connection, script, envelope)).isEqualTo(2);
        }
        assertThat(db.value("select count(*) from t where tx <> '1'")).isEqualTo("1");
    }

    @Test
    void nonTransactionalScriptIsRefused() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create index concurrently i on t (id);");
        try (Connection connection = db.connection()) {
            assertThatIllegalStateException()
                .isThrownBy(() -> new ScriptExecutor().execute(connection, script, BEGIN_COMMIT))
                .withMessageContaining("not transactional");
        }
    }

    @Test
    void connectionOutsideAutoCommitIsRefused() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (tx xid8);");
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            assertThatIllegalStateException()
                .isThrownBy(() -> new ScriptExecutor().execute(connection, script, BEGIN_COMMIT))
                .withMessageContaining("auto-commit");
            connection.rollback();
        }
        assertThat(db.tableExists("t")).isFalse();
    }

    private static void rollback(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("rollback");
        }
    }

}
