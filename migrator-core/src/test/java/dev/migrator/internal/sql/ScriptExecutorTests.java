package dev.migrator.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationFailedException;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Failures point at the statement, its line, the error's line and SQLSTATE; the executor
 * leaves commits alone.
 */
class ScriptExecutorTests {

    private static final String FILE = "db/migration/V7__fail.sql";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void clean() {
        db.execute("drop schema public cascade; create schema public");
    }

    /**
     * Runs like the engine: transaction (or autocommit), then commit; a failure leaves
     * the transaction open.
     */
    private static MigrationFailedException failure(String text, int batchSize) throws SQLException {
        SqlScript script = SqlParser.parse(FILE, text);
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(!script.transactional());
            MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
                    () -> new ScriptExecutor(batchSize).execute(connection, script));
            assertThat(ex).as("the script should fail").isNotNull();
            if (script.transactional()) {
                connection.rollback();
            }
            return ex;
        }
    }

    private static final String FIVE = """
            create table t (id int primary key);
            insert into t values (1);
            insert into t values (2);
            insert into t values (3);
            insert into t values (4);
            """;

    @ParameterizedTest
    @ValueSource(ints = { 1, 3, 5 })
    void failingStatementInABatchIsFound(int failing) throws SQLException {
        String text = FIVE.replace("values (" + (failing - 1) + ")", "values ('x" + failing + "')")
            .replace("create table t (id int primary key)",
                    failing == 1 ? "create tabel t (id int)" : "create table t (id int primary key)");
        MigrationFailedException ex = failure(text, 500);

        assertThat(ex.getStatementNumber()).isEqualTo(failing);
        assertThat(ex.getStatementCount()).isEqualTo(5);
        assertThat(ex.getStatementLine()).isEqualTo(failing);
        assertThat(ex.getErrorLine()).isEqualTo(failing);
        assertThat(ex.getSqlState()).isEqualTo(failing == 1 ? "42601" : "22P02");
        assertThat(ex.getStatementsExecuted()).isEqualTo(failing - 1);
        assertThat(ex.isTransactional()).isTrue();
        assertThat(ex.getScript()).isEqualTo(FILE);
        assertThat(ex.getMessage()).contains("Nothing of this migration was applied");
    }

    @Test
    void identicalStatementsInABatchAreToldApartByNumber() throws SQLException {
        MigrationFailedException ex = failure("create table t (id int primary key);\n"
                + "insert into t values (1);\ninsert into t values (1);\ninsert into t values (1);\n", 500);
        assertThat(ex.getStatementNumber()).isEqualTo(3);
        assertThat(ex.getSqlState()).isEqualTo("23505");
    }

    @Test
    void failureInALaterBatchCountsStatementsAcrossBatches() throws SQLException {
        MigrationFailedException ex = failure(FIVE.replace("values (4)", "values (1)"), 2);
        assertThat(ex.getStatementNumber()).isEqualTo(5);
        assertThat(ex.getStatementLine()).isEqualTo(5);
        assertThat(ex.getStatementsExecuted()).isEqualTo(4);
    }

    @Test
    void errorPositionOnTheThirdLineOfAStatementStartingMidFileMapsToTheFileLine() throws SQLException {
        MigrationFailedException ex = failure("""
                create table t (id int);
                -- comment

                insert into t (id)
                  select id
                  from no_such_table;
                select 1;
                """, 500);
        assertThat(ex.getStatementNumber()).isEqualTo(2);
        assertThat(ex.getStatementLine()).isEqualTo(4);
        assertThat(ex.getErrorLine()).isEqualTo(6);
        assertThat(ex.getSqlState()).isEqualTo("42P01");
        assertThat(ex.getServerMessage()).isEqualTo("relation \"no_such_table\" does not exist");
        assertThat(ex.getStatementExcerpt()).startsWith("insert into t (id)\n  select id");
        assertThat(ex.getMessage()).contains("Statement : 2 of 3, starting at line 4 (error position: line 6)");
    }

    @Test
    void errorPositionAfterMultiByteCharactersAndCrlf() throws SQLException {
        MigrationFailedException ex = failure("select 'é😀',\r\n  'ü',\r\n  nope;", 500);
        assertThat(ex.getErrorLine()).isEqualTo(3);
    }

    @Test
    void nonTransactionalFailureSaysHowManyStatementsWereApplied() throws SQLException {
        MigrationFailedException ex = failure("""
                create table t (id int);
                insert into t values (1);
                create index concurrently t_id on t (id);
                insert into t
                  values ('x');
                insert into t values (3);
                """, 500);
        assertThat(ex.isTransactional()).isFalse();
        assertThat(ex.getStatementNumber()).isEqualTo(4);
        assertThat(ex.getStatementLine()).isEqualTo(4);
        assertThat(ex.getErrorLine()).isEqualTo(5);
        assertThat(ex.getStatementsExecuted()).isEqualTo(3);
        assertThat(ex.getMessage()).contains("3 of 5 statements were applied");
        assertThat(db.value("select count(*) from t")).isEqualTo("1");
    }

    @Test
    void copyDataErrorPointsAtTheDataLine() throws SQLException {
        MigrationFailedException ex = failure("create table t (id int);\ncopy t from stdin;\n1\n2\nthree\n\\.\n", 500);
        assertThat(ex.getStatementNumber()).isEqualTo(2);
        assertThat(ex.getStatementLine()).isEqualTo(2);
        assertThat(ex.getErrorLine()).isEqualTo(5);
        assertThat(ex.getSqlState()).isEqualTo("22P02");
    }

    @Test
    void copyBetweenBatchesLoadsDataAndKeepsOrder() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (id int, s text);\ninsert into t values (1, 'a');\n"
                + "copy t from stdin;\n2\tb\\\\c\n3\t\\N\n\\.\ninsert into t select max(id) + 1, 'd' from t;\n");
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            assertThat(new ScriptExecutor(1).execute(connection, script)).isEqualTo(4);
            connection.commit();
        }
        assertThat(db.column("select id || ':' || coalesce(s, 'null') from t order by id")).containsExactly("1:a",
                "2:b\\c", "3:null", "4:d");
    }

    @Test
    void executorNeitherCommitsNorRollsBack() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (id int);\ninsert into t values (1);");
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            new ScriptExecutor().execute(connection, script);
            assertThat(db.tableExists("t")).as("visible to others before the engine commits").isFalse();
            connection.rollback();
        }
        assertThat(db.tableExists("t")).isFalse();
    }

    @Test
    void transactionalScriptOnAnAutoCommitConnectionIsRefused() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "create table t (id int);");
        try (Connection connection = db.connection()) {
            assertThatThrownBy(() -> new ScriptExecutor().execute(connection, script))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auto-commit");
        }
        assertThat(db.tableExists("t")).isFalse();
    }

    @Test
    void selectsAndNoticesInABatchAreFine() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "select set_config('search_path', 'public', false);\n"
                + "drop table if exists nothing_here;\nselect 1 from generate_series(1, 3);\ncreate table t (id int);");
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            assertThat(new ScriptExecutor().execute(connection, script)).isEqualTo(4);
            connection.commit();
        }
        assertThat(db.tableExists("t")).isTrue();
    }

    @Test
    void escapeSequencesAndQuestionMarksAreSentVerbatim() throws SQLException {
        SqlScript script = SqlParser.parse(FILE,
                "create table t (v text);\n" + "insert into t values ('{fn now()} ? {d ''2020-01-01''}');\n");
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            new ScriptExecutor().execute(connection, script);
            connection.commit();
        }
        assertThat(db.value("select v from t")).isEqualTo("{fn now()} ? {d '2020-01-01'}");
    }

    @Test
    void droppedBeginAndCommitAreLoggedOnceEachWithFileAndLine() throws SQLException {
        SqlScript script = SqlParser.parse(FILE, "BEGIN;\ncreate table t (id int);\nCOMMIT;\n");
        Logger logger = (Logger) LoggerFactory.getLogger(ScriptExecutor.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            new ScriptExecutor().execute(connection, script);
            connection.commit();
        }
        finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
            .filteredOn((m) -> m.contains("dropped"))
            .containsExactly(
                    FILE + " line 1: dropped 'BEGIN': migrator runs this file as one transaction and "
                            + "commits it together with its history row",
                    FILE + " line 3: dropped 'COMMIT': migrator runs this file as one transaction and "
                            + "commits it together with its history row");
        assertThat(db.tableExists("t")).isTrue();
    }

}
