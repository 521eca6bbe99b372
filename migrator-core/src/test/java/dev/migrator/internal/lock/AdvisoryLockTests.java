package dev.migrator.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class AdvisoryLockTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void holdersAreOnlyThoseOfThisDatabase() throws Exception {
        AdvisoryLock lock = new AdvisoryLock("public", "schema_migrations");
        TestDatabase other = new TestDatabase().create("advisory lock other database");
        try (Connection elsewhere = other.connection();
                Connection holder = db.connection();
                Connection asking = db.connection()) {
            setName(elsewhere, "holder-in-other-database");
            setName(holder, "holder-here");
            // the same key, taken in another database: a different lock that must not be
            // reported
            assertThat(lock.acquire(elsewhere, Duration.ZERO)).isNotNull();
            assertThat(lock.acquire(holder, Duration.ZERO)).isNotNull();
            String holders = lock.describeHolders(asking);
            assertThat(holders).startsWith("pid " + pid(holder) + " (application_name 'holder-here'")
                .doesNotContain("holder-in-other-database")
                .doesNotContain("pid " + pid(elsewhere) + " ");
        }
        finally {
            other.drop();
        }
    }

    @Test
    void theServerComputesTheSameKeyForTheCurrentSchemaAsTheJvm() throws Exception {
        String[][] names = { { "public", "schema_migrations" }, { "My Schema", "tbl\"quoted" },
                { "sch\u00e9ma", "t\u00e4ble\u4e2d" }, { "s'x", "a.b" } };
        try (Connection connection = db.connection(); Statement st = connection.createStatement()) {
            for (String[] name : names) {
                st.execute("create schema if not exists \"" + name[0].replace("\"", "\"\"") + "\"");
                try (PreparedStatement ps = connection
                    .prepareStatement("select set_config('search_path', " + "format('%I', ?::text), false)")) {
                    ps.setString(1, name[0]);
                    ps.execute();
                }
                try (PreparedStatement ps = connection
                    .prepareStatement("select " + AdvisoryLock.currentSchemaKeySql())) {
                    ps.setString(1, name[1]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("%s.%s", name[0], name[1])
                            .isEqualTo(new AdvisoryLock(name[0], name[1]).key());
                    }
                }
            }
        }
    }

    @Test
    void aLockTakenWithAnotherKeyIsReleasedAndRefused() throws Exception {
        AdvisoryLock lock = new AdvisoryLock("public", "schema_migrations");
        long otherKey = lock.key() + 1;
        try (Connection taker = db.connection(); Connection other = db.connection()) {
            try (PreparedStatement ps = taker.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, otherKey);
                ps.execute();
            }
            Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> lock.takenWith(taker, otherKey))
                .withMessageContaining("bug in migrator");
            try (PreparedStatement ps = other.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, otherKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("released by the refusing session").isTrue();
                }
            }
        }
    }

    private static void setName(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select set_config('application_name', ?, false)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
