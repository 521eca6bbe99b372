package dev.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.DryRunResult.Outcome;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BaselineRepairDryRunTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void baselineMarksVersionsUpToItAsNotToBeApplied() {
        db.execute("create table legacy (id int)");
        this.files.file("1_legacy.sql", "create table legacy (id int);")
            .file("2_more.sql", "create table more (id int);")
            .file("3_new.sql", "create table new (id int);");
        this.files.migrator().baseline("2", "existing database");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.BELOW_BASELINE, MigrationState.BASELINE, MigrationState.PENDING);
        assertThat(status.currentVersionText()).isEqualTo("2");
        assertThat(this.files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("3");
        assertThat(db.column("select type || ' ' || version || ' ' || description from schema_migrations order by id"))
            .containsExactly("baseline 2 existing database", "versioned 3 new");
    }

    @Test
    void baselineRefusesANonEmptyHistory() {
        this.files.file("1_a.sql", "select 1;");
        this.files.migrator().migrate();
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().baseline("5", null))
            .withMessageContaining("history is not empty");
    }

    @Test
    void baselineOnMigrateBaselinesASchemaWithTablesButNoHistory() {
        db.execute("create table legacy (id int)");
        this.files.file("1_legacy.sql", "create table legacy (id int);")
            .file("2_new.sql", "create table new (id int);");
        MigrateResult result = this.files.config().baselineOnMigrate(true).load().migrate();
        assertThat(result.applied()).extracting(ExecutedMigration::versionText).containsExactly("2");
        assertThat(db.value("select description from schema_migrations where type = 'baseline'"))
            .isEqualTo("<< baseline >>");
    }

    @Test
    void baselineOnMigrateLeavesAnEmptySchemaAlone() {
        this.files.file("1_a.sql", "create table a (id int);");
        MigrateResult result = this.files.config().baselineOnMigrate(true).load().migrate();
        assertThat(result.applied()).hasSize(1);
        assertThat(db.value("select count(*) from schema_migrations where type = 'baseline'")).isEqualTo("0");
    }

    @Test
    void baselineOnMigrateDoesNotCountTheNewHistoryTableItself() {
        this.files.file("1_a.sql", "create table a (id int);");
        MigrateResult result = this.files.config().table("MigratorHistory").baselineOnMigrate(true).load().migrate();
        assertThat(result.applied()).hasSize(1);
        assertThat(db.value("select count(*) from \"MigratorHistory\" where type = 'baseline'")).isEqualTo("0");
    }

    @Test
    void repairAcceptsEditedChecksumsByAppendingAnAuditRow() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        this.files.file("1_a.sql", "-- reformatted\ncreate table a (id int);");
        RepairResult result = this.files.migrator().repair();
        assertThat(result.acceptedChecksums()).containsExactly("1_a.sql");
        assertThat(this.files.migrator().validate().isValid()).isTrue();
        assertThat(this.files.migrator().status().migrations().get(0).state()).isEqualTo(MigrationState.APPLIED);
        assertThat(db.column("select status || ' ' || coalesce(error_message, '-') from schema_migrations order by id"))
            .hasSize(2)
            .last()
            .asString()
            .startsWith("completed repair: accepted checksum");
        assertThat(this.files.migrator().repair().isEmpty()).isTrue();
    }

    @Test
    void dryRunRehearsesPendingMigrationsAndLeavesNoTrace() {
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "insert into a values (1);");
        DryRunResult result = this.files.migrator().dryRun();
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.migrations()).extracting(DryRunResult.Rehearsal::outcome)
            .containsExactly(Outcome.SUCCESS, Outcome.SUCCESS);
        assertThat(db.tableExists("a")).isFalse();
        assertThat(db.tableExists("schema_migrations")).isFalse();
    }

    @Test
    void dryRunReportsTheFailureAndWhatWasNotReached() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "insert into nope values (1);")
            .file("3_c.sql", "select 1;");
        DryRunResult result = this.files.migrator().dryRun();
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.migrations()).extracting(DryRunResult.Rehearsal::outcome)
            .containsExactly(Outcome.SUCCESS, Outcome.FAILURE, Outcome.NOT_REACHED);
        assertThat(result.migrations().get(1).error()).contains("2_b.sql").contains("42P01");
        assertThat(db.tableExists("a")).isFalse();
    }

}
