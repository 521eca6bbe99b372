package dev.migrator.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

class AdvisoryLockTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void holdersAreOnlyThoseOfThisDatabase() throws Exception {
        AdvisoryLock lock = new AdvisoryLock("public", "schema_migrations");
        TestDatabase other = new TestDatabase().create("advisory lock other database");
        try (Connection elsewhere = other.connection(); Connection holder = db.connection();
                Connection asking = db.connection()) {
            setName(elsewhere, "holder-in-other-database");
            setName(holder, "holder-here");
            // the same key, taken in another database: a different lock that must not be reported
            assertThat(lock.acquire(elsewhere, java.time.Duration.ZERO)).isNotNull();
            assertThat(lock.acquire(holder, java.time.Duration.ZERO)).isNotNull();
            String holders = lock.describeHolders(asking);
            assertThat(holders).startsWith("pid " + pid(holder) + " (application_name 'holder-here'")
                    .doesNotContain("holder-in-other-database").doesNotContain("pid " + pid(elsewhere) + " ");
        }
        finally {
            other.drop();
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
