package dev.migrator;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Migrator#cancel()} stops a running command from another thread on a real
 * PostgreSQL: the statement in flight is cancelled on the server, the migration rolled
 * back or recorded as partly applied, the lock released. Slow migrations sleep once per
 * row of the table {@code go_slow}, which each test fills and empties itself.
 */
class CancelTests {

    private static final String SLOW = "select pg_sleep(30) from go_slow;";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        db.execute("select pg_cancel_backend(pid) from pg_stat_activity where query like '%pg_sleep(30) from go%' "
                + "and pid <> pg_backend_pid() and datname = current_database()");
        this.executor.shutdownNow();
        assertThat(this.executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancelWithNothingRunningReturnsFalse() {
        assertThat(this.files.migrator().cancel()).isFalse();
    }

    @Test
    void cancellingATransactionalMigrationRollsItBackRecordsNothingAndReleasesTheLock() throws Exception {
        goSlow();
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_slow.sql", "create table slow (id int);\n" + SLOW);
        Migrator migrator = this.files.migrator();
        Future<MigrateResult> run = this.executor.submit(migrator::migrate);
        awaitSleeping();
        long start = System.nanoTime();
        assertThat(migrator.cancel()).isTrue();
        Throwable thrown = failureOf(run);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown).isInstanceOf(MigrationCancelledException.class)
            .hasMessageContaining("2_slow.sql")
            .hasMessageContaining("nothing of it was applied");
        assertThat(((MigrationCancelledException) thrown).getCommand()).isEqualTo(Command.MIGRATE);
        assertThat(thrown.getCause()).isInstanceOf(MigrationFailedException.class);
        assertThat(((MigrationFailedException) thrown.getCause()).getSqlState()).isEqualTo("57014");
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("slow")).isFalse();
        assertThat(db.column("select version from schema_migrations order by id")).containsExactly("1");
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void theNextMigrateAppliesTheCancelledMigration() throws Exception {
        goSlow();
        this.files.file("1_slow.sql", "create table slow (id int);\n" + SLOW);
        Migrator migrator = this.files.migrator();
        Future<MigrateResult> run = this.executor.submit(migrator::migrate);
        awaitSleeping();
        migrator.cancel();
        assertThat(failureOf(run)).isInstanceOf(MigrationCancelledException.class);
        db.execute("delete from go_slow");
        assertThat(migrator.migrate().applied()).hasSize(1);
        assertThat(db.tableExists("slow")).isTrue();
    }

    @Test
    void cancellingANonTransactionalMigrationRecordsItAsPartlyApplied() throws Exception {
        goSlow();
        this.files.file("1_slow.sql",
                "-- migrator:transaction=false\ncreate table a (id int);\n" + SLOW + "\ncreate table b (id int);");
        Migrator migrator = this.files.migrator();
        Future<MigrateResult> run = this.executor.submit(migrator::migrate);
        awaitSleeping();
        assertThat(migrator.cancel()).isTrue();
        Throwable thrown = failureOf(run);
        assertThat(thrown).isInstanceOf(MigrationCancelledException.class)
            .hasMessageContaining("1 of 3 statements were applied");
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("b")).isFalse();
        assertThat(migrator.status().migrations()).singleElement()
            .satisfies((m) -> assertThat(m.state()).isEqualTo(MigrationState.FAILED));
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void cancellingADryRunEndsItWithNothingApplied() throws Exception {
        goSlow();
        this.files.file("1_slow.sql", "create table slow (id int);\n" + SLOW);
        Migrator migrator = this.files.migrator();
        Future<DryRunResult> run = this.executor.submit(migrator::dryRun);
        awaitSleeping();
        assertThat(migrator.cancel()).isTrue();
        Throwable thrown = failureOf(run);
        assertThat(thrown).isInstanceOf(MigrationCancelledException.class)
            .hasMessageContaining("while rehearsing")
            .hasMessageContaining("nothing was applied");
        assertThat(((MigrationCancelledException) thrown).getCommand()).isEqualTo(Command.DRY_RUN);
        assertThat(db.tableExists("slow")).isFalse();
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void aCancelBetweenTwoMigrationsStopsBeforeTheNext() {
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "create table b (id int);");
        AtomicReference<Migrator> migrator = new AtomicReference<>();
        migrator.set(this.files.config().listener(new MigrationListener() {
            @Override
            public void migrationFinished(ExecutedMigration migration, Throwable failure) {
                migrator.get().cancel();
            }
        }).load());
        Throwable thrown = Assertions.catchThrowable(() -> migrator.get().migrate());
        assertThat(thrown).isInstanceOf(MigrationCancelledException.class).hasMessageContaining("before it finished");
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("b")).isFalse();
        assertThat(advisoryLocks()).isZero();
    }

    @Test
    void cancellingACommandWaitingForTheLockStopsTheWait() throws Exception {
        goSlow();
        this.files.file("1_slow.sql", "create table slow (id int);\n" + SLOW);
        Migrator holder = this.files.migrator();
        Migrator waiter = this.files.migrator();
        Future<MigrateResult> holding = this.executor.submit(holder::migrate);
        awaitSleeping();
        Future<MigrateResult> waiting = this.executor.submit(waiter::migrate);
        Thread.sleep(500);
        long start = System.nanoTime();
        assertThat(waiter.cancel()).isTrue();
        assertThat(failureOf(waiting)).isInstanceOf(MigrationCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(holding.isDone()).isFalse();
        holder.cancel();
        assertThat(failureOf(holding)).isInstanceOf(MigrationCancelledException.class);
    }

    private static void goSlow() {
        db.execute("create table go_slow (x int); insert into go_slow values (1)");
    }

    /** Waits until a migration sleeps on the server. */
    private static void awaitSleeping() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Integer.parseInt(db.value("select count(*) from pg_stat_activity where state = 'active' "
                + "and query like '%pg_sleep(30) from go%' and pid <> pg_backend_pid() "
                + "and datname = current_database()")) == 0) {
            assertThat(System.nanoTime()).as("a migration sleeping within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Throwable failureOf(Future<?> run) throws InterruptedException, TimeoutException {
        try {
            run.get(15, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
        throw new AssertionError("the command was not cancelled");
    }

    private static int advisoryLocks() {
        return Integer.parseInt(db.value("select count(*) from pg_locks where locktype = 'advisory' "
                + "and database = (select oid from pg_database where datname = current_database())"));
    }

}
