package dev.migrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConcurrencyTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void eightThreadsRacingApplyEachMigrationExactlyOnce() throws Exception {
        for (int i = 1; i <= 20; i++) {
            this.files.file(String.format("%03d_t%d.sql", i, i),
                    "create table t" + i + " (id int);" + ((i == 5) ? "\nselect pg_sleep(0.5);" : ""));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return this.files.config().load().migrate();
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<MigrateResult> result : results) {
            applied += result.get(2, TimeUnit.MINUTES).applied().size();
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(20);
        assertThat(db.value("select count(*) from schema_migrations")).isEqualTo("20");
        assertThat(db.value("select count(distinct version) from schema_migrations where status = 'completed'"))
            .isEqualTo("20");
        awaitNoAdvisoryLock();
    }

    @Test
    void waitingInstanceGivesUpAfterLockWaitTimeoutNamingTheHolder() throws Exception {
        this.files.file("1_slow.sql", "select pg_sleep(4);");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<MigrateResult> holder = pool.submit(() -> this.files.config().load().migrate());
        awaitQuery("pg_sleep(4)");
        String holderPid = db.value("select pid from pg_stat_activity where query like '%pg_sleep(4)%' "
                + "and pid <> pg_backend_pid() and datname = current_database()");
        assertThatExceptionOfType(LockWaitTimeoutException.class)
            .isThrownBy(() -> this.files.config().lockWaitTimeout(Duration.ofMillis(1500)).load().migrate())
            .withMessageContaining("pid " + holderPid)
            .withMessageContaining("lockWaitTimeout");
        assertThat(holder.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
        pool.shutdown();
    }

    @Test
    void migrationBlockedByALockIsRetriedUntilTheBlockerGoesAway() throws Exception {
        db.execute("create table busy (id int)");
        this.files.file("1_alter_busy.sql", "alter table busy add column note text;");
        try (Connection blocker = db.connection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table busy in access exclusive mode");
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<MigrateResult> run = pool
                .submit(() -> this.files.config().lockTimeout(Duration.ofMillis(200)).lockRetries(3).load().migrate());
            Thread.sleep(900);
            blocker.rollback();
            assertThat(run.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
            pool.shutdown();
        }
        assertThat(db.value("select count(*) from information_schema.columns where table_name = 'busy' "
                + "and column_name = 'note'"))
            .isEqualTo("1");
        assertThat(db.column("select status from schema_migrations")).containsExactly("completed");
    }

    @Test
    void migrationBlockedLongerThanItsRetriesFailsWithLockNotAvailable() throws Exception {
        db.execute("create table busy (id int)");
        this.files.file("1_alter_busy.sql", "alter table busy add column note text;");
        try (Connection blocker = db.connection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table busy in access exclusive mode");
            }
            assertThatExceptionOfType(MigrationFailedException.class)
                .isThrownBy(
                        () -> this.files.config().lockTimeout(Duration.ofMillis(100)).lockRetries(1).load().migrate())
                .satisfies((ex) -> assertThat(ex.getSqlState()).isEqualTo("55P03"))
                .withMessageContaining("1_alter_busy.sql");
            blocker.rollback();
        }
        assertThat(db.column("select status from schema_migrations")).containsExactly("failed");
    }

    @Test
    void migrationBlockedLongerThanItsRetriesNamesTheBlockingSession() throws Exception {
        db.execute("create table busy (id int)");
        db.execute("create table bystander (id int)");
        this.files.file("1_alter_busy.sql", "create table fresh (id int);\nalter table busy add column note text;");
        try (Connection blocker = db.connection(); Connection reader = db.connection()) {
            blocker.setAutoCommit(false);
            reader.setAutoCommit(false);
            String blockerPid;
            try (Statement st = blocker.createStatement()) {
                st.execute("set application_name = 'blocker-app'");
                try (ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    blockerPid = rs.getString(1);
                }
                st.execute("lock table busy in access exclusive mode");
            }
            try (Statement st = reader.createStatement()) {
                // holds a lock on another table: must not be named
                st.execute("lock table bystander in access exclusive mode");
            }
            assertThatExceptionOfType(MigrationFailedException.class)
                .isThrownBy(
                        () -> this.files.config().lockTimeout(Duration.ofMillis(100)).lockRetries(0).load().migrate())
                .satisfies((ex) -> {
                    assertThat(ex.getSqlState()).isEqualTo("55P03");
                    assertThat(ex.getBlockedBy()).startsWith("pid " + blockerPid + " (")
                        .contains("application_name 'blocker-app'", "state 'idle in transaction'",
                                "AccessExclusiveLock on public.busy", "lock table busy")
                        .doesNotContain("bystander");
                })
                .withMessageContaining("blocked by pid " + blockerPid + " (application_name 'blocker-app'")
                .withMessageContaining("1_alter_busy.sql");
            blocker.rollback();
            reader.rollback();
        }
        assertThat(db.column("select error_message from schema_migrations")).singleElement()
            .asString()
            .contains("blocked by pid");
        assertThat(db.tableExists("fresh")).isFalse();
    }

    @Test
    void killedBackendLeavesNoHistoryRowNoPartialSchemaAndNoLock() throws Exception {
        this.files.file("1_first.sql", "create table first (id int);");
        this.files.config().load().migrate();
        this.files.file("2_killed.sql", "create table half (id int);\nselect pg_sleep(30);")
            .file("3_after.sql", "create table after (id int);");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<MigrateResult> run = pool.submit(() -> this.files.config().load().migrate());
        awaitQuery("pg_sleep(30)");
        db.execute("select pg_terminate_backend(pid) from pg_stat_activity where query like '%pg_sleep(30)%' "
                + "and pid <> pg_backend_pid() and datname = current_database()");
        assertThat(run).failsWithin(Duration.ofMinutes(1));
        pool.shutdown();
        assertThat(db.tableExists("half")).isFalse();
        assertThat(db.column("select version from schema_migrations order by id")).containsExactly("1");
        awaitNoAdvisoryLock();
        this.files.file("2_killed.sql", "create table half (id int);");
        assertThat(this.files.config().load().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2", "3");
    }

    /**
     * Waits until no session holds an advisory lock in this test's database (the server
     * is shared with other tests, and a terminated backend needs a moment to exit).
     */
    private static void awaitNoAdvisoryLock() throws InterruptedException {
        String sql = "select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!db.value(sql).equals("0")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("An advisory lock is still held 10 s later: "
                        + db.column("select pid || ' ' || mode from pg_locks where locktype = 'advisory'"));
            }
            Thread.sleep(50);
        }
    }

    private static void awaitQuery(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!db
                .value("select count(*) from pg_stat_activity where query like '%" + fragment + "%' "
                        + "and pid <> pg_backend_pid() and datname = current_database()")
                .equals("0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No session ran " + fragment + " within 30 s");
    }

}
