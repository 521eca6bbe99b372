package dev.migrator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RollbackTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @BeforeEach
    void setUp() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("3_c.sql", "create table c (id int);")
            .file("rollback/1_undo_a.sql", "drop table a;")
            .file("rollback/2_undo_b.sql", "drop table b;")
            .file("rollback/3_undo_c.sql", "drop table c;");
    }

    @Test
    void rollsBackNewestFirstDownToTheTarget() {
        this.files.migrator().migrate();
        RollbackResult result = this.files.migrator().rollback("1");
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
        this.files.migrator().migrate();
        this.files.migrator().rollbackAll();
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
        assertThat(status.currentVersion()).isNull();
        assertThat(db.value(
                "select count(*) from pg_tables where schemaname = 'public' " + "and tablename <> 'schema_migrations'"))
            .isEqualTo("0");
        assertThat(this.files.migrator().migrate().applied()).hasSize(3);
        assertThat(db.tableExists("c")).isTrue();
    }

    @Test
    void refusesBeforeTouchingAnythingWhenAScriptIsMissing() {
        this.files.delete("rollback/2_undo_b.sql");
        this.files.migrator().migrate();
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().rollbackAll())
            .withMessageContaining("version 2 (2_b.sql) has no rollback script")
            .withMessageContaining("nothing was rolled back");
        assertThat(db.tableExists("c")).isTrue();
        assertThat(db.value("select count(*) from schema_migrations where type = 'rollback'")).isEqualTo("0");
    }

    @Test
    void failingRollbackScriptLeavesTheVersionApplied() {
        this.files.file("rollback/3_undo_c.sql", "drop table c;\ndrop table nope;");
        this.files.migrator().migrate();
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().rollback("2"))
            .withMessageContaining("3_undo_c.sql");
        assertThat(db.tableExists("c")).isTrue();
        assertThat(this.files.migrator().status().currentVersionText()).isEqualTo("3");
        assertThat(db.value("select status from schema_migrations where type = 'rollback'")).isEqualTo("failed");
    }

    @Test
    void rollbackToTheCurrentVersionDoesNothing() {
        this.files.migrator().migrate();
        assertThat(this.files.migrator().rollback("3").rolledBack()).isEmpty();
    }

    @Test
    void repeatableAppliedBeforeARollbackIsAppliedAgain() {
        this.files.file("R__a_view.sql", "create or replace view a_view as select id from a;")
            .file("rollback/1_undo_a.sql", "drop view if exists a_view;\ndrop table a;");
        this.files.migrator().migrate();
        this.files.migrator().rollbackAll();
        assertThat(this.files.migrator().status().migrations()).filteredOn((m) -> m.type() == MigrationType.REPEATABLE)
            .extracting(MigrationInfo::state)
            .containsExactly(MigrationState.OUTDATED);
        MigrateResult again = this.files.migrator().migrate();
        assertThat(again.applied()).extracting(ExecutedMigration::type).last().isEqualTo(MigrationType.REPEATABLE);
        assertThat(db.tableExists("a_view")).isTrue();
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsOnly(MigrationState.APPLIED);
    }

}
