package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

class RollbackTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    MigrationFiles files;

    @BeforeEach
    void setUp() {
        db.reset();
        files = new MigrationFiles(dir).file("1_a.sql", "create table a (id int);")
                .file("2_b.sql", "create table b (id int);")
                .file("3_c.sql", "create table c (id int);")
                .file("rollback/1_undo_a.sql", "drop table a;")
                .file("rollback/2_undo_b.sql", "drop table b;")
                .file("rollback/3_undo_c.sql", "drop table c;");
    }

    private Migrator migrator() {
        return config().load();
    }

    private MigratorConfig.Builder config() {
        return Migrator.configure().dataSource(db.dataSource()).locations(files.location());
    }

    @Test
    void rollsBackNewestFirstDownToTheTarget() {
        migrator().migrate();
        RollbackResult result = migrator().rollback("1");
        assertThat(result.rolledBack()).extracting(ExecutedMigration::versionText).containsExactly("3", "2");
        assertThat(result.rolledBack()).extracting(ExecutedMigration::type).containsOnly(MigrationType.ROLLBACK);
        assertThat(result.currentVersion()).hasToString("1");
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("b")).isFalse();
        assertThat(db.tableExists("c")).isFalse();
        assertThat(db.column("select version || ' ' || type || ' ' || script from schema_migrations "
                + "where type = 'rollback' order by id"))
                .containsExactly("3 rollback rollback/3_undo_c.sql", "2 rollback rollback/2_undo_b.sql");
    }

    @Test
    void rolledBackVersionsArePendingAgainAndReapply() {
        migrator().migrate();
        migrator().rollback(null);
        MigrationStatus status = migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
        assertThat(status.currentVersion()).isNull();
        assertThat(db.value("select count(*) from pg_tables where schemaname = 'public' "
                + "and tablename <> 'schema_migrations'")).isEqualTo("0");
        assertThat(migrator().migrate().applied()).hasSize(3);
        assertThat(db.tableExists("c")).isTrue();
    }

    @Test
    void refusesBeforeTouchingAnythingWhenAScriptIsMissing() {
        files.delete("rollback/2_undo_b.sql");
        migrator().migrate();
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator().rollback(null))
                .withMessageContaining("version 2 (2_b.sql) has no rollback script")
                .withMessageContaining("nothing was rolled back");
        assertThat(db.tableExists("c")).isTrue();
        assertThat(db.value("select count(*) from schema_migrations where type = 'rollback'")).isEqualTo("0");
    }

    @Test
    void failingRollbackScriptLeavesTheVersionApplied() {
        files.file("rollback/3_undo_c.sql", "drop table c;\ndrop table nope;");
        migrator().migrate();
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().rollback("2"))
                .withMessageContaining("3_undo_c.sql");
        assertThat(db.tableExists("c")).isTrue();
        assertThat(migrator().status().currentVersionText()).isEqualTo("3");
        assertThat(db.value("select status from schema_migrations where type = 'rollback'")).isEqualTo("failed");
    }

    @Test
    void rollbackToTheCurrentVersionDoesNothing() {
        migrator().migrate();
        assertThat(migrator().rollback("3").rolledBack()).isEmpty();
    }

    @Test
    void repeatableAppliedBeforeARollbackIsAppliedAgain() {
        files.file("R__a_view.sql", "create or replace view a_view as select id from a;")
                .file("rollback/1_undo_a.sql", "drop view if exists a_view;\ndrop table a;");
        migrator().migrate();
        migrator().rollback(null);
        assertThat(migrator().status().migrations()).filteredOn((m) -> m.type() == MigrationType.REPEATABLE)
                .extracting(MigrationInfo::state).containsExactly(MigrationState.OUTDATED);
        MigrateResult again = migrator().migrate();
        assertThat(again.applied()).extracting(ExecutedMigration::type).last().isEqualTo(MigrationType.REPEATABLE);
        assertThat(db.tableExists("a_view")).isTrue();
        assertThat(migrator().status().migrations()).extracting(MigrationInfo::state)
                .containsOnly(MigrationState.APPLIED);
    }
}
