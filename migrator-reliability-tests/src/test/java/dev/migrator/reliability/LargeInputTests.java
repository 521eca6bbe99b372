package dev.migrator.reliability;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.MigrateResult;
import dev.migrator.Migrator;
import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Promise 5, the big cases: a 50 MB migration within a 128 MB heap, and 10,000 files. */
class LargeInputTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        db.reset();
    }

    @Test
    void fiftyMegabyteMigrationRunsInA128MegabyteHeap() throws Exception {
        Path sql = this.dir.resolve("sql");
        Files.createDirectories(sql);
        Path file = sql.resolve("1_fifty_megabytes.sql");
        String payload = "x".repeat(400);
        int inserts = 0;
        int copyRows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("create table big_rows (id int primary key, payload text);\n");
            out.write("create table big_copy (id int primary key, payload text);\n");
            for (inserts = 1; inserts <= 60_000; inserts++) {
                out.write("insert into big_rows (id, payload) values (" + inserts + ", '" + payload + "');\n");
            }
            inserts--;
            out.write("copy big_copy (id, payload) from stdin;\n");
            String row = "\t" + "y".repeat(90) + "\n";
            for (copyRows = 1; copyRows <= 260_000; copyRows++) {
                out.write(copyRows + row);
            }
            copyRows--;
            out.write("\\.\n");
        }
        long megabytes = Files.size(file) >> 20;
        assertThat(megabytes).isGreaterThanOrEqualTo(50);
        ChildJvm child = ChildJvm.start(this.dir.resolve("fifty.log"), List.of("-Xmx128m"), Launcher.class,
                db.jdbcUrl(), "filesystem:" + sql);
        long start = System.nanoTime();
        int exit = child.exitCode(Duration.ofMinutes(3));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String output = child.output();
        assertThat(exit).as(output.length() > 4000 ? output.substring(0, 4000) : output).isZero();
        assertThat(output).contains("APPLIED 1");
        assertThat(db.value("select count(*) from big_rows")).isEqualTo("" + inserts);
        assertThat(db.value("select count(*) from big_copy")).isEqualTo("" + copyRows);
        Matcher heap = Pattern.compile("PEAK_HEAP_MB (\\d+) MAX_HEAP_MB (\\d+)").matcher(output);
        assertThat(heap.find()).isTrue();
        System.out.printf(
                "[reliability] %d MB migration (%d inserts + COPY of %d rows) applied by a child JVM with "
                        + "-Xmx128m in %d ms (JVM start included); peak heap %s MB of %s MB%n",
                megabytes, inserts, copyRows, millis, heap.group(1), heap.group(2));
    }

    @Test
    void tenThousandFilesApplyAndASecondRunIsANoOp() throws Exception {
        MigrationFiles files = new MigrationFiles(this.dir.resolve("many"));
        db.execute("create table ten_k (id int primary key)");
        for (int i = 1; i <= 10_000; i++) {
            files.file(String.format("%05d_row_%d.sql", i, i), "insert into ten_k values (" + i + ");");
        }
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(files.location()).load();
        long start = System.nanoTime();
        MigrateResult first = migrator.migrate();
        long applyMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.applied()).hasSize(10_000);
        assertThat(first.currentVersion()).hasToString("10000");
        start = System.nanoTime();
        MigrateResult second = migrator.migrate();
        long noOpMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(second.applied()).isEmpty();
        assertThat(db.value("select count(*) from ten_k")).isEqualTo("10000");
        assertThat(db.value("select count(*) from schema_migrations where status = 'completed'")).isEqualTo("10000");
        System.out.printf("[reliability] 10,000 files: applied in %d ms, second run (no-op) in %d ms%n", applyMillis,
                noOpMillis);
        assertThat(applyMillis).as("10,000 files within about a minute").isLessThan(90_000);
    }

}
