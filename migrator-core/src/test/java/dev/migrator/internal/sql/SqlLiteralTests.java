package dev.migrator.internal.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Literals read back as the same text on PostgreSQL, whatever standard_conforming_strings
 * says.
 */
class SqlLiteralTests {

    private static final String AWKWARD = "it's a C:\\path\\ with ''two'' quotes, \\' and a tab\t and ünïcödé 🐘";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @ParameterizedTest
    @ValueSource(strings = { "on", "off" })
    void textReadsBackUnchanged(String standardConformingStrings) throws SQLException {
        assertThat(readBack(AWKWARD, standardConformingStrings)).isEqualTo(AWKWARD);
    }

    @Test
    void emptyTextStaysEmpty() throws SQLException {
        assertThat(readBack("", "on")).isEmpty();
    }

    @Test
    void nullBecomesNull() throws SQLException {
        assertThat(SqlLiteral.text(null)).isEqualTo("null");
        assertThat(readBack(null, "on")).isNull();
    }

    @Test
    void nulCharacterIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SqlLiteral.text("a\0b")).withMessageContaining("NUL");
    }

    private static String readBack(String value, String standardConformingStrings) throws SQLException {
        try (Connection connection = db.connection(); Statement st = connection.createStatement()) {
            st.execute("set standard_conforming_strings = " + standardConformingStrings);
            st.setEscapeProcessing(false);
            try (ResultSet rs = st.executeQuery("select " + SqlLiteral.text(value) + "::text")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

}
