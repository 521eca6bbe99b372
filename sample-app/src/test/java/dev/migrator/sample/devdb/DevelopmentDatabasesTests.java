package dev.migrator.sample.devdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How a development run treats a configured PostgreSQL that answers (the test server): it
 * uses it, creates a missing database, and reports a refused connection instead of
 * starting a PostgreSQL of its own.
 */
class DevelopmentDatabasesTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void usesTheConfiguredDatabaseWhenItAnswers() {
        ConfiguredDatabase configured = new ConfiguredDatabase(db.jdbcUrlWithoutCredentials(), db.user(),
                db.password());
        try (DevelopmentDatabase database = DevelopmentDatabases.useOrStart(configured, false)) {
            assertThat(database).isEqualTo(configured);
        }
    }

    @Test
    void createsTheConfiguredDatabaseWhenTheServerHasNoSuchDatabase() throws SQLException {
        String name = "devdb_missing_" + UUID.randomUUID().toString().substring(0, 8);
        ConfiguredDatabase configured = new ConfiguredDatabase(
                JdbcUrls.withDatabase(db.jdbcUrlWithoutCredentials(), name), db.user(), db.password());
        try (DevelopmentDatabase database = DevelopmentDatabases.useOrStart(configured, false)) {
            assertThat(database).isEqualTo(configured);
            assertThat(db.value("select count(*) from pg_database where datname = '" + name + "'")).isEqualTo("1");
        }
        finally {
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name);
            }
        }
    }

    @Test
    void reportsARefusedConnectionInsteadOfStartingADatabase() {
        ConfiguredDatabase configured = new ConfiguredDatabase(db.jdbcUrlWithoutCredentials(), "no_such_role_devdb",
                null);
        assertThatIllegalStateException().isThrownBy(() -> DevelopmentDatabases.useOrStart(configured, false))
            .withMessageContaining("answered but refused the connection as user 'no_such_role_devdb'")
            .withMessageContaining("no_such_role_devdb\" does not exist")
            .withMessageContaining("spring.datasource.username");
    }

    @Test
    void connectionFailuresWithoutAServerAreNoAnswer() {
        assertThat(JdbcUrls.isNoAnswer(new SQLException("refused", "08001"))).isTrue();
        assertThat(JdbcUrls.isNoAnswer(new SQLException("broken", "08006"))).isTrue();
        assertThat(JdbcUrls.isNoAnswer(new SQLException("password required", "08004"))).isFalse();
        assertThat(JdbcUrls.isNoAnswer(new SQLException("password authentication failed", "28P01"))).isFalse();
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsTheParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.example:5433/migrator_sample?ssl=true", "postgres"))
            .isEqualTo("jdbc:postgresql://db.example:5433/postgres?ssl=true");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:migrator_sample", "postgres"))
            .isEqualTo("jdbc:postgresql:postgres");
    }

    @Test
    void logLinesNeverShowAPassword() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?user=app&password=s3cret&ssl=true"))
            .isEqualTo("jdbc:postgresql://h/db?user=app&password=******&ssl=true");
    }

}
