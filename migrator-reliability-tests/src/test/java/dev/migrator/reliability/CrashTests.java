package dev.migrator.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promise 2: {@code kill -9} of the migrating JVM at random moments never leaves a
 * half-applied migration, a history row without its changes (or changes without their
 * row), or a stale lock; the next start completes. Rerun with a printed seed:
 * {@code -Dreliability.seed=N}.
 */
class CrashTests {

    private static final int MIGRATIONS = 30;

    private static final int KILLS = 20;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsNeverLeavesAHalfAppliedMigrationOrAStaleLock() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("[reliability] crash test seed: " + seed + " (rerun with -Dreliability.seed=" + seed + ")");
        Random random = new Random(seed);
        MigrationFiles files = new MigrationFiles(this.dir.resolve("sql"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            files.file(String.format("%02d_pair_%d.sql", i, i), "create table m" + i + "_a (id int);\n"
                    + "select pg_sleep(0.04);\ncreate table m" + i + "_b (id int);");
        }
        int kills = 0;
        int midMigration = 0;
        int completedRuns = 0;
        int start = 0;
        while (kills < KILLS) {
            start++;
            ChildJvm child = ChildJvm.start(this.dir.resolve("child-" + start + ".log"), List.of(), Launcher.class,
                    db.jdbcUrl(), files.location());
            child.awaitOutput("MIGRATING", Duration.ofMinutes(1));
            int delay = random.nextInt(1800);
            boolean exited = child.process().waitFor(delay, TimeUnit.MILLISECONDS);
            if (exited) {
                assertThat(child.process().exitValue()).as(child.output()).isZero();
                completedRuns++;
            }
            else {
                child.kill();
                kills++;
                String output = child.output();
                boolean inside = output.lastIndexOf("START ") > output.lastIndexOf("DONE ");
                midMigration += inside ? 1 : 0;
                System.out.printf("[reliability] kill %d after %d ms: %d migrations done by this start, %s%n", kills,
                        delay, count(output, "DONE "), inside ? "inside a migration" : "between migrations");
            }
            checkConsistent(child);
            if (Checks.completedVersions(db).size() == MIGRATIONS) {
                db.reset();
            }
        }
        ChildJvm last = ChildJvm.start(this.dir.resolve("last.log"), List.of(), Launcher.class, db.jdbcUrl(),
                files.location());
        assertThat(last.exitCode(Duration.ofMinutes(2))).as(last.output()).isZero();
        checkConsistent(last);
        assertThat(Checks.completedVersions(db)).hasSize(MIGRATIONS);
        System.out.printf("[reliability] crash test: %d kills (%d inside a migration), %d runs completed before "
                + "their kill, then the next start completed the run%n", kills, midMigration, completedRuns);
        assertThat(midMigration).as("kills that landed inside a migration").isGreaterThanOrEqualTo(KILLS / 4);
    }

    private void checkConsistent(ChildJvm child) throws InterruptedException {
        Checks.awaitNoAdvisoryLock(db, Duration.ofSeconds(15));
        List<String> completed = Checks.completedVersions(db);
        assertThat(completed).as("no version completed twice").doesNotHaveDuplicates();
        if (db.tableExists("schema_migrations")) {
            assertThat(db.value("select count(*) from schema_migrations where status <> 'completed'"))
                .as("a killed client cannot write a failed row")
                .isEqualTo("0");
        }
        Set<Integer> done = new HashSet<>();
        completed.forEach((v) -> done.add(Integer.parseInt(v)));
        Set<String> tables = new HashSet<>(db.column("select tablename from pg_tables where schemaname = 'public'"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            boolean a = tables.contains("m" + i + "_a");
            boolean b = tables.contains("m" + i + "_b");
            assertThat(a)
                .as("migration %d half-applied (m%d_a %s, m%d_b %s); child output:%n%s", i, i, a, i, b, child.output())
                .isEqualTo(b);
            assertThat(a)
                .as("migration %d: history says %s but its tables %s", i,
                        done.contains(i) ? "completed" : "not applied", a ? "exist" : "are absent")
                .isEqualTo(done.contains(i));
        }
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            n++;
        }
        return n;
    }

}
