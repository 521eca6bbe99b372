package dev.migrator.internal.history;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.HistoryEntry;
import dev.migrator.MigratorException;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Upgrades of the history table's format, with a test-only format 2 whose step adds a
 * column and counts its runs (this build has no real step yet).
 */
class HistoryUpgradeTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final FormatUpgrade ADD_PRINCIPAL = new FormatUpgrade(1,
            "insert into step_runs values (clock_timestamp()); "
                    + "alter table {table} add column if not exists principal varchar(100)");

    private static final HistoryFormat FORMAT_2 = new HistoryFormat(2, 1, List.of(ADD_PRINCIPAL));

    @BeforeEach
    void tableOfTheFirstFormat() throws Exception {
        db.reset();
        db.execute("create table step_runs (at timestamptz)");
        try (Connection connection = db.connection()) {
            new HistoryTable("public", "schema_migrations").create(connection, false);
        }
        db.execute("insert into schema_migrations (version, description, type, script, checksum, status, "
                + "duration_ms) values ('1', 'a', 'versioned', '1_a.sql', 'abc', 'completed', 3)");
    }

    @Test
    void lockedReadUpgradesAndRewritesTheMarker() throws Exception {
        List<HistoryEntry> rows;
        try (Connection connection = db.connection()) {
            rows = format2(true).readIfExists(connection);
        }
        assertThat(rows).extracting(HistoryEntry::script).containsExactly("1_a.sql");
        assertThat(comment()).isEqualTo("migrator history, format 2, min-reader 1");
        assertThat(db.value("select count(*) from step_runs")).isEqualTo("1");
        assertThat(db.column("select column_name from information_schema.columns where table_name = "
                + "'schema_migrations' and column_name = 'principal'"))
            .containsExactly("principal");
    }

    @Test
    void existsOnALockedHandleUpgradesToo() throws Exception {
        try (Connection connection = db.connection()) {
            assertThat(format2(true).exists(connection)).isTrue();
        }
        assertThat(comment()).isEqualTo("migrator history, format 2, min-reader 1");
    }

    @Test
    void readOnlyHandleNeverUpgrades() throws Exception {
        try (Connection connection = db.connection()) {
            assertThat(format2(false).readIfExists(connection)).hasSize(1);
            assertThat(format2(false).exists(connection)).isTrue();
        }
        assertThat(comment()).isEqualTo("migrator history, format 1");
        assertThat(db.value("select count(*) from step_runs")).isEqualTo("0");
    }

    @Test
    void upgradedTableIsNotUpgradedAgain() throws Exception {
        try (Connection connection = db.connection()) {
            format2(true).readIfExists(connection);
            format2(true).readIfExists(connection);
        }
        assertThat(db.value("select count(*) from step_runs")).isEqualTo("1");
    }

    @Test
    void concurrentStartersUpgradeOnce() throws Exception {
        int starters = 6;
        CountDownLatch ready = new CountDownLatch(starters);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                results.add(pool.submit(startUnderTheLock(ready)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(db.value("select count(*) from step_runs")).isEqualTo("1");
        assertThat(comment()).isEqualTo("migrator history, format 2, min-reader 1");
    }

    /**
     * What a locking command does on start: take the migration lock, read the history,
     * let go.
     */
    private Callable<Integer> startUnderTheLock(CountDownLatch ready) {
        return () -> {
            try (Connection connection = db.connection()) {
                AdvisoryLock lock = new AdvisoryLock("public", "schema_migrations");
                ready.countDown();
                ready.await();
                lock.acquire(connection, Duration.ofSeconds(30));
                try {
                    return format2(true).readIfExists(connection).size();
                }
                finally {
                    lock.release(connection);
                }
            }
        };
    }

    @Test
    void newTableOfANewerBuildGetsItsStepsAndMarker() throws Exception {
        db.execute("drop table schema_migrations");
        try (Connection connection = db.connection()) {
            format2(true).create(connection, false);
        }
        assertThat(comment()).isEqualTo("migrator history, format 2, min-reader 1");
        assertThat(db.column("select column_name from information_schema.columns where table_name = "
                + "'schema_migrations' and column_name = 'principal'"))
            .containsExactly("principal");
    }

    @Test
    void failedStepLeavesTheTableAsItWasAndNamesBothFormats() throws Exception {
        HistoryFormat broken = new HistoryFormat(2, 1, List
            .of(new FormatUpgrade(1, "alter table {table} add column principal varchar(100); select * from nowhere")));
        try (Connection connection = db.connection()) {
            HistoryTable table = new HistoryTable("public", "schema_migrations", false, broken, true);
            assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> table.readIfExists(connection))
                .withMessageContaining("Could not upgrade the history table \"public\".\"schema_migrations\" "
                        + "from history format 1 to 2")
                .withMessageContaining("nowhere");
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(comment()).isEqualTo("migrator history, format 1");
        assertThat(db.column("select column_name from information_schema.columns where table_name = "
                + "'schema_migrations' and column_name = 'principal'"))
            .isEmpty();
    }

    @Test
    void newerTableIsNeitherUpgradedNorMarkedBackByAnOlderBuild() throws Exception {
        db.execute("comment on table schema_migrations is 'migrator history, format 3, min-reader 1'");
        try (Connection connection = db.connection()) {
            assertThat(format2(true).readIfExists(connection)).hasSize(1);
        }
        assertThat(comment()).isEqualTo("migrator history, format 3, min-reader 1");
        assertThat(db.value("select count(*) from step_runs")).isEqualTo("0");
    }

    private static HistoryTable format2(boolean upgrading) {
        return new HistoryTable("public", "schema_migrations", false, FORMAT_2, upgrading);
    }

    private static String comment() {
        return db.value("select obj_description('schema_migrations'::regclass, 'pg_class')");
    }

}
