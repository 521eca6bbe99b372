package dev.migrator.internal.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tricky script splits into the expected statements and lines, and runs on
 * PostgreSQL with that result.
 */
class SqlScriptCasesTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Stream<ScriptCase> cases() {
        return ScriptCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsIntoTheExpectedStatementsAndLines(ScriptCase c) {
        SqlScript script = SqlParser.parse("db/migration/case.sql", c.script());

        List<String> actual = script.statements().stream().map((s) -> s.line() + "|" + s.sql()).toList();
        assertThat(actual).containsExactlyElementsOf(c.statements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsOnPostgresql(ScriptCase c) throws SQLException {
        SqlScript script = SqlParser.parse("db/migration/case.sql", c.script());
        String schema = "c_" + Integer.toHexString(c.name().hashCode()).replace('-', '_');
        db.execute("create schema " + schema);
        try (Connection connection = db.connection()) {
            try (Statement st = connection.createStatement()) {
                st.execute("set search_path to " + schema);
            }
            connection.setAutoCommit(!script.transactional());
            int executed = new ScriptExecutor().execute(connection, script);
            if (script.transactional()) {
                connection.commit();
            }
            assertThat(executed).isEqualTo(c.statements().size());
            connection.setAutoCommit(true);
            assertThat(rows(connection, c.check())).isEqualTo(c.expected());
        }
    }

    private static String rows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return String.join(",", values);
    }

}
