package dev.migrator.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrator.MigrateResult;
import dev.migrator.MigrationListener;
import dev.migrator.Migrator;
import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 1: many replicas starting at once apply each migration exactly once, and a
 * waiter stalls nothing.
 */
class ManyReplicasTests {

    private static final int REPLICAS = 6;

    private static final int ROUNDS = 5;

    private static final int MIGRATIONS = 50;

    private static final Pattern WAITING = Pattern.compile(
            "Waiting for the migration lock on \\S+: held by pid (\\d+) \\(application_name 'migrator-replica-(\\d+)'");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void sixJvmsStartingAtOnceApplyEveryMigrationExactlyOnce() throws Exception {
        MigrationFiles files = new MigrationFiles(this.dir.resolve("sql"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            files.file(String.format("%02d_create_t%d.sql", i, i),
                    "create table t" + i + " (id int primary key, note text);\ninsert into t" + i + " values (" + i
                            + ", 'row');" + ((i == 20) ? "\nselect pg_sleep(2);" : ""));
        }
        List<Long> roundMillis = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            TestDatabase fresh = new TestDatabase().create("replicas round " + round);
            try {
                Path go = this.dir.resolve("go-" + round);
                List<ChildJvm> replicas = new ArrayList<>();
                for (int r = 0; r < REPLICAS; r++) {
                    replicas.add(ChildJvm.start(this.dir.resolve("replica-" + round + "-" + r + ".log"), List.of(),
                            Launcher.class, fresh.jdbcUrl(), files.location(), go.toString()));
                }
                for (ChildJvm replica : replicas) {
                    replica.awaitOutput("READY", Duration.ofMinutes(1));
                }
                long start = System.nanoTime();
                Files.createFile(go);
                int applied = 0;
                List<Long> appliers = new ArrayList<>();
                for (ChildJvm replica : replicas) {
                    assertThat(replica.exitCode(Duration.ofMinutes(2))).as(replica.output()).isZero();
                    Matcher m = Pattern.compile("APPLIED (\\d+)").matcher(replica.output());
                    assertThat(m.find()).as(replica.output()).isTrue();
                    applied += Integer.parseInt(m.group(1));
                    if (Integer.parseInt(m.group(1)) > 0) {
                        appliers.add(replica.pid());
                    }
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                roundMillis.add(millis);
                assertThat(applied).isEqualTo(MIGRATIONS);
                assertThat(fresh.value("select count(*) from schema_migrations")).isEqualTo("" + MIGRATIONS);
                assertThat(fresh.value("select count(*) from schema_migrations where status <> 'completed'"))
                    .isEqualTo("0");
                assertThat(fresh.value("select count(distinct version) from schema_migrations"))
                    .isEqualTo("" + MIGRATIONS);
                assertThat(fresh.value(
                        "select count(*) from pg_tables where schemaname = 'public' " + "and tablename ~ '^t[0-9]+$'"))
                    .isEqualTo("" + MIGRATIONS);
                List<String> waitingLines = new ArrayList<>();
                for (ChildJvm replica : replicas) {
                    Matcher m = WAITING.matcher(replica.output());
                    while (m.find()) {
                        waitingLines.add(m.group());
                        // the replica named as the holder is one that applied migrations
                        assertThat(appliers).contains(Long.parseLong(m.group(2)));
                    }
                }
                assertThat(waitingLines)
                    .as("a waiting replica logs who holds the lock; outputs:%n%s",
                            replicas.stream().map(ChildJvm::output).toList())
                    .isNotEmpty();
                System.out.printf(
                        "[reliability] replicas round %d: %d JVMs, %d migrations (one sleeping 2 s) "
                                + "applied once in %d ms; %d 'Waiting for the migration lock ... held by pid' lines%n",
                        round, REPLICAS, MIGRATIONS, millis, waitingLines.size());
            }
            finally {
                fresh.drop();
            }
        }
        System.out.printf("[reliability] replicas: %d rounds, round times (go signal to last exit) %s ms%n", ROUNDS,
                roundMillis);
    }

    @Test
    void waitingReplicaDoesNotStallCreateIndexConcurrently() throws Exception {
        db.execute("create table big as select g as id, md5(g::text) as payload from generate_series(1, 200000) g");
        db.execute("vacuum analyze big");
        MigrationFiles files = new MigrationFiles(this.dir.resolve("cic"));
        files.file("1_pause.sql", "select pg_sleep(1.5);")
            .file("2_index.sql", "create index concurrently big_payload_idx on big (payload);");

        long alone = cicMillis(
                Migrator.configure().dataSource(db.dataSource()).locations(files.location()).load().migrate());
        db.execute("drop index big_payload_idx");
        db.execute("drop table schema_migrations");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MigrateResult> runner = pool.submit(() -> Migrator.configure()
                .dataSource(db.dataSource())
                .locations(files.location())
                .load()
                .migrate());
            Checks.awaitNonZero(db,
                    "select count(*) from pg_locks where locktype = 'advisory' and granted "
                            + "and database = (select oid from pg_database where datname = current_database())",
                    Duration.ofSeconds(30));
            PGSimpleDataSource waiterSource = new PGSimpleDataSource();
            waiterSource.setURL(db.jdbcUrl());
            waiterSource.setApplicationName("cic-waiter");
            AtomicLong waited = new AtomicLong(-1);
            Migrator waiter = Migrator.configure()
                .dataSource(waiterSource)
                .locations(files.location())
                .listener(new MigrationListener() {
                    @Override
                    public void lockWaited(Duration duration, boolean acquired) {
                        waited.set(duration.toMillis());
                    }
                })
                .load();
            Future<MigrateResult> waiting = pool.submit(waiter::migrate);
            Checks.awaitNonZero(db,
                    "select count(*) from pg_stat_activity where application_name = 'cic-waiter' "
                            + "and query like '%pg_try_advisory_lock%' and datname = current_database()",
                    Duration.ofSeconds(30));
            assertThat(runner.get(1, TimeUnit.MINUTES).applied()).hasSize(2);
            long withWaiter = cicMillis(runner.get());
            assertThat(waiting.get(1, TimeUnit.MINUTES).applied()).isEmpty();
            assertThat(waited.get()).as("the waiter waited through the whole index build").isGreaterThan(withWaiter);
            assertThat(db.value("select indisvalid from pg_index where indexrelid = 'big_payload_idx'::regclass"))
                .isEqualTo("t");
            System.out.printf("[reliability] CREATE INDEX CONCURRENTLY on 200,000 rows: %d ms alone, %d ms with a "
                    + "replica waiting for the lock (waiter waited %d ms)%n", alone, withWaiter, waited.get());
            assertThat(withWaiter).isLessThan(3 * alone + 5000);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static long cicMillis(MigrateResult result) {
        return result.applied()
            .stream()
            .filter((m) -> m.script().equals("2_index.sql"))
            .mapToLong((m) -> m.duration().toMillis())
            .findFirst()
            .orElseThrow();
    }

}
