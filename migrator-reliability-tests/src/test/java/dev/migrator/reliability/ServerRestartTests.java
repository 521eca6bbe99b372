package dev.migrator.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrateResult;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.test.MigrationFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Promise 3, second half: the PostgreSQL server restarts during a run. Uses a private
 * throwaway cluster so the shared server is never touched.
 */
class ServerRestartTests {

    @Test
    void serverRestartDuringAMigrationFailsClearlyLeavesNothingHalfAppliedAndTheNextRunCompletes(@TempDir Path dir)
            throws Exception {
        Path bin = PrivateCluster.findBinaries();
        assumeThat(bin)
            .as("PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin are needed "
                    + "to run a private cluster for the restart test")
            .isNotNull();
        try (PrivateCluster cluster = PrivateCluster.start(bin)) {
            PGSimpleDataSource dataSource = cluster.dataSource();
            MigrationFiles files = new MigrationFiles(dir).file("1_first.sql", "create table first (id int);")
                .file("2_slow.sql", "create table half (id int);\nselect pg_sleep(30);")
                .file("3_after.sql", "create table after (id int);");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<MigrateResult> run = pool
                .submit(() -> Migrator.configure().dataSource(dataSource).locations(files.location()).load().migrate());
            awaitSleep(dataSource);
            long start = System.nanoTime();
            cluster.restart();
            assertThat(run).failsWithin(Duration.ofMinutes(1))
                .withThrowableOfType(Exception.class)
                .havingCause()
                .isInstanceOf(MigratorException.class)
                .withMessageContaining("2_slow.sql");
            System.out.printf("server restart: the run failed and the server was back within %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            pool.shutdown();
            Migrator migrator = Migrator.configure().dataSource(dataSource).locations(files.location()).load();
            assertThat(tables(dataSource)).contains("first").doesNotContain("half", "after");
            files.file("2_slow.sql", "create table half (id int);");
            assertThat(migrator.migrate().applied()).extracting(ExecutedMigration::versionText)
                .containsExactly("2", "3");
            assertThat(tables(dataSource)).contains("first", "half", "after");
        }
    }

    private static void awaitSleep(PGSimpleDataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity "
                            + "where query like '%pg_sleep(30)%' and pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The slow migration did not start within 30 s");
    }

    private static List<String> tables(PGSimpleDataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

}
