package dev.migrator.internal.sql;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transaction mode, directive, dropped transaction control, columns and the no-op files.
 */
class SqlParserTests {

    private static SqlScript parse(String text) {
        return SqlParser.parse("V1__x.sql", text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\n\n", "-- only a comment", "/* block */\n-- line\n", ";;\n;" })
    void emptyAndCommentOnlyFilesHaveNoStatements(String text) {
        SqlScript script = parse(text);
        assertThat(script.statements()).isEmpty();
        assertThat(script.isEmpty()).isTrue();
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void statementColumnIsWhereItsFirstTokenIs() {
        SqlStatement second = parse("select 1;   select 2;\n  /* c */ select 3").statements().get(2);
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.column()).isEqualTo(11);
        assertThat(parse("select 1;   select 2;").statements().get(1).column()).isEqualTo(13);
    }

    @ParameterizedTest
    @ValueSource(strings = { "create index concurrently i on t (id)", "CREATE UNIQUE INDEX CONCURRENTLY i ON t (id)",
            "drop index concurrently i", "reindex index concurrently i", "reindex (verbose) table concurrently t",
            "reindex schema public", "vacuum", "vacuum (analyze) t", "cluster", "create database d", "drop database d",
            "create tablespace s location '/x'", "drop tablespace s", "alter system set work_mem = '8MB'",
            "alter database d set tablespace s", "discard all", "create subscription s connection 'x' publication p",
            "drop subscription s" })
    void statementsThatCannotRunInATransactionBlockMakeTheFileNonTransactional(String statement) {
        SqlScript script = parse("create table t (id int);\n" + statement + ";\n");
        assertThat(script.transactional()).isFalse();
        assertThat(script.statements().get(1).nonTransactional()).isTrue();
        assertThat(script.nonTransactionalReason()).startsWith("line 2: ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "alter type mood add value 'x'", "refresh materialized view concurrently mv",
            "create index i on t (id) -- concurrently", "select 'create index concurrently'",
            "create function f() returns int language sql as $$ vacuum $$",
            "create subscription s connection 'x' publication p with (create_slot = false, enabled = false)",
            "reindex table t", "cluster t using i", "discard plans", "create table vacuum (id int)" })
    void statementsThatRunInATransactionBlockKeepTheFileTransactional(String statement) {
        SqlScript script = parse(statement + ";");
        assertThat(script.transactional()).isTrue();
        assertThat(script.nonTransactionalReason()).isNull();
    }

    @Test
    void directiveForcesNonTransactional() {
        SqlScript script = parse("-- migrator:transaction=false\ncreate table t (id int);");
        assertThat(script.directive()).isEqualTo(TransactionDirective.NON_TRANSACTIONAL);
        assertThat(script.transactional()).isFalse();
        assertThat(script.nonTransactionalReason()).contains("directive");
    }

    @Test
    void directiveForcesTransactionalOverDetection() {
        SqlScript script = parse("--migrator:transaction = TRUE\r\ndrop subscription s;");
        assertThat(script.directive()).isEqualTo(TransactionDirective.TRANSACTIONAL);
        assertThat(script.transactional()).isTrue();
        assertThat(script.statements().get(0).line()).isEqualTo(2);
    }

    @Test
    void directiveOnlyCountsOnTheFirstLine() {
        SqlScript script = parse("select 1;\n-- migrator:transaction=false\n");
        assertThat(script.directive()).isEqualTo(TransactionDirective.NONE);
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void droppedBeginAndCommitAreReportedWithTheirLines() {
        SqlScript script = parse("-- psql style\nBEGIN;\ncreate table t (id int);\nCOMMIT;\n");
        assertThat(script.droppedTransactionControl()).containsExactly(new TransactionControl("BEGIN", 2),
                new TransactionControl("COMMIT", 4));
        assertThat(script.statements()).extracting(SqlStatement::sql).containsExactly("create table t (id int)");
    }

    @Test
    void copyDataIsExactAndKnowsItsFirstLine() {
        SqlStatement copy = parse("copy t from stdin;  \r\na\tb\r\n\\N\r\n\\.\r\nselect 1;").statements().get(0);
        assertThat(copy.kind()).isEqualTo(SqlStatement.Kind.COPY_IN);
        assertThat(copy.copyData().rows().toString()).isEqualTo("a\tb\r\n\\N\r\n");
        assertThat(copy.copyData().line()).isEqualTo(2);
        assertThat(copy.copyData().fileLine(2)).isEqualTo(3);
    }

    @Test
    void copyToStdoutAndCopyFromSubqueryWordsAreNotCopyIn() {
        List<SqlStatement> statements = parse("copy (select 1 from stdin_t) to stdout;\nselect 2;").statements();
        assertThat(statements).extracting(SqlStatement::kind).containsOnly(SqlStatement.Kind.NORMAL);
    }

    @Test
    void lineAtMapsAServerPositionToTheFileLineCountingCodePoints() {
        SqlStatement statement = parse("\n\nselect '😀',\n  1,\n  oops").statements().get(0);
        int position = statement.sql().codePointCount(0, statement.sql().indexOf("oops")) + 1;
        assertThat(statement.lineAt(position)).isEqualTo(5);
        assertThat(statement.lineAt(1)).isEqualTo(3);
        assertThat(statement.lineAt(0)).isZero();
    }

    @Test
    void excerptIsAtMostFiveLines() {
        SqlStatement statement = parse("select\n1,\n2,\n3,\n4,\n5,\n6").statements().get(0);
        assertThat(statement.excerpt()).isEqualTo("select\n1,\n2,\n3,\n4, ...");
    }

}
