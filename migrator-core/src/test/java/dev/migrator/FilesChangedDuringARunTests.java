package dev.migrator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A file rewritten while a run is applying earlier ones: what runs is always what was
 * checked and recorded.
 */
class FilesChangedDuringARunTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    private final List<String> finished = new CopyOnWriteArrayList<>();

    /**
     * A run whose listener rewrites {@code 2_second.sql} when the first migration starts.
     */
    private Migrator rewritingTheSecondFile(String newContent) {
        return this.files.config().listener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationType type, MigrationVersion version, String script) {
                if (script.startsWith("1_")) {
                    FilesChangedDuringARunTests.this.files.file("2_second.sql", newContent);
                }
            }

            @Override
            public void migrationFinished(ExecutedMigration migration, Throwable failure) {
                FilesChangedDuringARunTests.this.finished
                    .add(migration.script() + " " + ((failure != null) ? "failed" : "ok"));
            }
        }).load();
    }

    @Test
    void smallFileRunsAsItWasWhenTheRunChecked() {
        this.files.file("1_first.sql", "create table t (v text);")
            .file("2_second.sql", "insert into t values ('as checked');");
        String checkedChecksum = this.files.config().load().status().migrations().get(1).checksum();
        rewritingTheSecondFile("insert into t values ('rewritten');").migrate();
        assertThat(db.value("select v from t")).isEqualTo("as checked");
        assertThat(db.value("select checksum from schema_migrations where version = '2'")).isEqualTo(checkedChecksum);
    }

    @Test
    void bigFileRewrittenDuringTheRunIsRefusedAndNothingOfItApplied() {
        String big = "create table big (v text);\n" + "select 1;\n".repeat(120_000);
        this.files.file("1_first.sql", "create table t (v text);").file("2_second.sql", big);
        assertThatExceptionOfType(MigratorException.class)
            .isThrownBy(() -> rewritingTheSecondFile(big + "drop table t;\n").migrate())
            .withMessageContaining("2_second.sql changed while migrator was running")
            .withMessageContaining("Nothing of it was applied");
        assertThat(db.tableExists("t")).isTrue();
        assertThat(db.tableExists("big")).isFalse();
        assertThat(db.column("select version || ' ' || status from schema_migrations")).containsExactly("1 completed");
        assertThat(this.finished).containsExactly("1_first.sql ok", "2_second.sql failed");
    }

}
