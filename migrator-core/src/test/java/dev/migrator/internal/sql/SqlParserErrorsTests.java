package dev.migrator.internal.sql;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrator.InvalidMigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input is an InvalidMigrationException at split time naming the file and the line
 * where it opened.
 */
class SqlParserErrorsTests {

    private static final String FILE = "db/migration/004_x.sql";

    private static AbstractThrowableAssert<?, ? extends Throwable> parsing(String script, int line) {
        return assertThatThrownBy(() -> SqlParser.parse(FILE, script)).isInstanceOf(InvalidMigrationException.class)
            .hasMessageStartingWith(FILE + " line " + line + ": ")
            .satisfies((ex) -> {
                assertThat(((InvalidMigrationException) ex).getScript()).isEqualTo(FILE);
                assertThat(((InvalidMigrationException) ex).getLine()).isEqualTo(line);
            });
    }

    @Test
    void unterminatedDollarQuoteNamesItsTagAndOpeningLine() {
        parsing("select 1;\n\ncreate function f() returns int language sql as $body$\nselect 1;\n$BODY$;\n", 3)
            .hasMessage(FILE + " line 3: unterminated dollar-quoted string $body$ opened here; close it with "
                    + "$body$ (tags are case-sensitive)");
    }

    @Test
    void unterminatedStringLiteral() {
        parsing("select 1;\r\nselect 'it''s;\r\nselect 2;", 2).hasMessageContaining("unterminated string literal");
    }

    @Test
    void unterminatedEscapeString() {
        parsing("select E'abc\\';\nselect 1;", 1).hasMessageContaining("unterminated E'...' string");
    }

    @Test
    void unterminatedQuotedIdentifier() {
        parsing("select 1;\nselect \"a\"\"b;\n", 2).hasMessageContaining("unterminated quoted identifier");
    }

    @Test
    void unterminatedNestedBlockComment() {
        parsing("select 1;\n/* outer /* inner */\nselect 2;", 2).hasMessageContaining("unterminated block comment");
    }

    @Test
    void unclosedParenthesis() {
        parsing("create table t (\n  id int,\n  v text;\ncreate table u (id int);", 1)
            .hasMessageContaining("unclosed parenthesis");
    }

    @Test
    void unclosedBeginAtomicBody() {
        parsing("create function f() returns int language sql\nbegin atomic\n  select 1;\n", 2)
            .hasMessageContaining("BEGIN ATOMIC");
    }

    @Test
    void copyDataWithoutTerminatorLine() {
        parsing("create table t (id int);\ncopy t from stdin;\n1\n2\n", 2).hasMessageContaining("\\.");
    }

    @Test
    void copyFromStdinWithoutDataAtEndOfFile() {
        parsing("copy t from stdin", 1).hasMessageContaining("has no data");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "\\connect other", "\\i other.sql", "\\set ON_ERROR_STOP on", "select 1 \\gset" })
    void psqlMetaCommandIsNotSql(String command) {
        parsing("select 1;\n" + command + "\nselect 2;", 2).hasMessageContaining("psql meta-command")
            .hasMessageContaining("is not SQL");
    }

    @Test
    void backslashInsideStringsCommentsAndCopyDataIsNotAMetaCommand() {
        SqlScript script = SqlParser.parse(FILE,
                "select E'\\\\n', '\\x'; -- \\connect\n/* \\i */\n" + "copy t from stdin;\n\\N\n\\.\n");
        assertThat(script.statements()).hasSize(2);
    }

    @Test
    void commitWithoutBeginWouldHalfCommit() {
        parsing("create table t (id int);\ncommit;\ninsert into t values (1);", 2)
            .hasMessageContaining("without a BEGIN")
            .hasMessageContaining("split the file");
    }

    @Test
    void beginNeverCommitted() {
        parsing("begin;\ncreate table t (id int);\n", 1).hasMessageContaining("never committed");
    }

    @Test
    void nestedBegin() {
        parsing("begin;\nbegin;\ncommit;\ncommit;", 2).hasMessageContaining("nested");
    }

    @Test
    void rollbackIsRejected() {
        parsing("begin;\ncreate table t (id int);\nrollback;\n", 3).hasMessageContaining("undo the migration");
    }

    @Test
    void twoPhaseCommitIsRejected() {
        parsing("begin;\nselect 1;\nprepare transaction 'x';", 3).hasMessageContaining("not supported");
    }

    @Test
    void commitInANonTransactionalFileIsRejected() {
        parsing("begin;\ncreate table t (id int);\ncommit;\ncreate index concurrently i on t (id);", 1)
            .hasMessageContaining("outside a transaction (line 4: CREATE INDEX CONCURRENTLY")
            .hasMessageContaining("into a migration of its own");
    }

    @Test
    void unknownDirectiveIsRejected() {
        parsing("-- migrator:transaction=maybe\nselect 1;", 1).hasMessageContaining("-- migrator:transaction=true");
    }

}
