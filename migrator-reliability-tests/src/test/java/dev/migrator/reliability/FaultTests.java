package dev.migrator.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationFailedException;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;
import dev.migrator.ValidationFailedException;
import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Promises 3 and 4: the migration's backend terminated mid-run (transactional and not),
 * and lock contention (retried until the blocker goes, or failing with the blocking pid).
 */
class FaultTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    MigrationFiles files;

    @BeforeEach
    void setUp() {
        db.reset();
        this.files = new MigrationFiles(this.dir.resolve("sql"));
    }

    private MigratorConfig.Builder config() {
        return Migrator.configure().dataSource(db.dataSource()).locations(this.files.location());
    }

    @Test
    void terminatedBackendInATransactionalMigration() throws Exception {
        this.files.file("1_first.sql", "create table first (id int);")
            .file("2_killed.sql", "create table half_a (id int);\nselect pg_sleep(30);\ncreate table half_b (id int);")
            .file("3_after.sql", "create table after (id int);");
        Throwable failure = runAndTerminate("pg_sleep(30)");
        assertThat(failure).isInstanceOf(MigrationFailedException.class)
            .hasMessageContaining("2_killed.sql")
            .hasMessageContaining("57P01")
            .hasMessageContaining("Nothing of this migration was applied");
        assertThat(db.tableExists("half_a")).isFalse();
        assertThat(db.tableExists("half_b")).isFalse();
        assertThat(Checks.completedVersions(db)).containsExactly("1");
        Checks.awaitNoAdvisoryLock(db, Duration.ofSeconds(10));
        this.files.file("2_killed.sql", "create table half_a (id int);\ncreate table half_b (id int);");
        assertThat(config().load().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2", "3");
    }

    @Test
    void terminatedBackendInANonTransactionalMigrationSaysHowManyStatementsWereApplied() throws Exception {
        this.files.file("1_first.sql", "create table first (id int);")
            .file("2_outside.sql", "-- migrator:transaction=false\ncreate table nt_one (id int);\n"
                    + "select pg_sleep(30);\ncreate table nt_two (id int);");
        Throwable failure = runAndTerminate("pg_sleep(30)");
        assertThat(failure).isInstanceOf(MigrationFailedException.class)
            .hasMessageContaining("2_outside.sql")
            .hasMessageContaining("57P01")
            .hasMessageContaining("1 of 3 statements were applied before the failure");
        // statement 1 committed on its own; the run's connection is gone, so the failure
        // is recorded over a new one
        assertThat(db.tableExists("nt_one")).isTrue();
        assertThat(db.tableExists("nt_two")).isFalse();
        assertThat(Checks.completedVersions(db)).containsExactly("1");
        assertThat(db.value("select error_message from schema_migrations where status = 'failed'"))
            .startsWith("non-transactional migration failed part-way: statement 2 of 3 (line 3)");
        Checks.awaitNoAdvisoryLock(db, Duration.ofSeconds(10));
        // the next run refuses to start the migration again from the top
        assertThatThrownBy(() -> config().load().migrate()).isInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("2_outside.sql")
            .hasMessageContaining("repair");
        // what the message asks for: undo the applied statement by hand, fix, repair,
        // then run again
        db.execute("drop table nt_one");
        this.files.file("2_outside.sql",
                "-- migrator:transaction=false\ncreate table nt_one (id int);\n" + "create table nt_two (id int);");
        assertThat(config().load().repair().clearedFailures()).containsExactly("2_outside.sql");
        assertThat(config().load().migrate().applied()).extracting(ExecutedMigration::versionText).containsExactly("2");
    }

    @Test
    void lockedTableIsRetriedUntilTheBlockerGoesAway() throws Exception {
        db.execute("create table busy (id int)");
        this.files.file("1_alter_busy.sql", "alter table busy add column note text;");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger("dev.migrator");
        logger.addAppender(logs);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection blocker = db.connection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table busy in access exclusive mode");
            }
            Future<MigrateResult> run = pool
                .submit(() -> config().lockTimeout(Duration.ofMillis(200)).lockRetries(5).load().migrate());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (logs.list.stream().noneMatch((e) -> e.getFormattedMessage().contains("retry 1 of 5"))) {
                assertThat(System.nanoTime()).as("a retry was logged").isLessThan(deadline);
                Thread.sleep(10);
            }
            blocker.rollback();
            assertThat(run.get(1, TimeUnit.MINUTES).applied()).hasSize(1);
        }
        finally {
            pool.shutdownNow();
            logger.detachAppender(logs);
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy((m) -> assertThat(m).contains("1_alter_busy.sql", "lock_timeout", "blocked by pid"));
        assertThat(db.column("select status from schema_migrations")).containsExactly("completed");
        assertThat(db.value("select count(*) from information_schema.columns where table_name = 'busy' "
                + "and column_name = 'note'"))
            .isEqualTo("1");
    }

    @Test
    void lockedTableWithNoRetriesLeftNamesTheBlockingPid() throws Exception {
        db.execute("create table busy (id int)");
        this.files.file("1_alter_busy.sql", "alter table busy add column note text;");
        try (Connection blocker = db.connection()) {
            blocker.setAutoCommit(false);
            String pid = null;
            try (Statement st = blocker.createStatement()) {
                st.execute("set application_name = 'reliability-blocker'");
                try (var rs = st.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getString(1);
                }
                st.execute("lock table busy in share mode");
            }
            String blockerPid = pid;
            Throwable thrown = Assertions
                .catchThrowable(() -> config().lockTimeout(Duration.ofMillis(100)).lockRetries(2).load().migrate());
            blocker.rollback();
            assertThat(thrown).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("1_alter_busy.sql")
                .hasMessageContaining("55P03")
                .hasMessageContaining("blocked by pid " + blockerPid + " (application_name 'reliability-blocker'"
                        + ", state 'idle in transaction', holds ShareLock on public.busy, query: lock table busy "
                        + "in share mode)");
            System.out.println("[reliability] lock contention message:\n" + thrown.getMessage());
        }
        assertThat(db.column("select status from schema_migrations")).containsExactly("failed");
    }

    private Throwable runAndTerminate(String fragment) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<MigrateResult> run = pool.submit(() -> config().load().migrate());
            Checks.awaitNonZero(db,
                    "select count(*) from pg_stat_activity where query like '%" + fragment
                            + "%' and pid <> pg_backend_pid() and datname = current_database()",
                    Duration.ofSeconds(30));
            db.execute("select pg_terminate_backend(pid) from pg_stat_activity where query like '%" + fragment
                    + "%' and pid <> pg_backend_pid() and datname = current_database()");
            try {
                run.get(1, TimeUnit.MINUTES);
                throw new AssertionError("The run survived the termination of its backend");
            }
            catch (ExecutionException ex) {
                return ex.getCause();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

}
