package dev.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.ValidateResult.Kind;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ValidateTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void cleanStateIsValid() {
        this.files.file("1_a.sql", "select 1;");
        this.files.migrator().migrate();
        assertThat(this.files.migrator().validate().isValid()).isTrue();
    }

    @Test
    void editedAppliedFileIsReportedWithBothChecksums() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        String recorded = db.value("select checksum from schema_migrations");
        this.files.file("1_a.sql", "create table a (id bigint);");
        ValidateResult result = this.files.migrator().validate();
        assertThat(result.problems()).singleElement().satisfies((p) -> {
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.script()).isEqualTo("1_a.sql");
            assertThat(p.message()).contains("1_a.sql").contains(recorded).contains("repair");
        });
        assertThat(this.files.migrator().status().migrations().get(0).state()).isEqualTo(MigrationState.CHANGED);
    }

    @Test
    void migrateRefusesWithEveryProblemInOneMessage() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("3_c.sql", "create table c (id int);");
        this.files.migrator().migrate();
        this.files.file("1_a.sql", "create table a (id bigint);")
            .delete("2_b.sql")
            .file("4_d.sql", "create table d();");
        assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.getResult().problems()).extracting(ValidateResult.Problem::kind)
                    .containsExactly(Kind.CHANGED, Kind.MISSING);
                assertThat(ex.getMessage()).contains("1_a.sql").contains("2_b.sql").contains("nothing was migrated");
            });
        assertThat(db.tableExists("d")).isFalse();
    }

    @Test
    void missingFileIsToleratedWithIgnoreMissing() {
        this.files.file("1_a.sql", "select 1;").file("2_b.sql", "select 1;");
        this.files.migrator().migrate();
        this.files.delete("1_a.sql");
        assertThat(this.files.config().ignoreMissing(true).load().validate().isValid()).isTrue();
        assertThat(this.files.migrator().status().migrations().get(0).state()).isEqualTo(MigrationState.MISSING);
    }

    @Test
    void appliedVersionNewerThanEveryFileIsFutureNotAnError() {
        this.files.file("1_a.sql", "select 1;").file("2_b.sql", "select 1;");
        this.files.migrator().migrate();
        this.files.delete("2_b.sql");
        assertThat(this.files.migrator().validate().isValid()).isTrue();
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.FUTURE);
        assertThat(status.currentVersionText()).isEqualTo("2");
        assertThat(this.files.migrator().migrate().applied()).isEmpty();
    }

    @Test
    void pendingVersionBelowTheCurrentOneIsOutOfOrder() {
        this.files.file("1_a.sql", "select 1;").file("3_c.sql", "select 1;");
        this.files.migrator().migrate();
        this.files.file("2_b.sql", "create table b (id int);");
        assertThat(this.files.migrator().validate().problems()).singleElement()
            .satisfies((p) -> assertThat(p.kind()).isEqualTo(Kind.OUT_OF_ORDER))
            .satisfies((p) -> assertThat(p.message()).contains("2_b.sql").contains("outOfOrder"));
        MigrateResult result = this.files.config().outOfOrder(true).load().migrate();
        assertThat(result.applied()).extracting(ExecutedMigration::versionText).containsExactly("2");
        assertThat(db.tableExists("b")).isTrue();
    }

    @Test
    void invalidFilesAreAProblemNotACrash() {
        this.files.file("1_a.sql", "select 1;").file("01_a_again.sql", "select 2;");
        ValidateResult result = this.files.migrator().validate();
        assertThat(result.problems()).singleElement()
            .satisfies((p) -> assertThat(p.kind()).isEqualTo(Kind.INVALID_FILES))
            .satisfies((p) -> assertThat(p.message()).contains("1_a.sql").contains("01_a_again.sql"));
    }

    @Test
    void validateOnMigrateOffSkipsTheCheck() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        this.files.file("1_a.sql", "create table a (id bigint);").file("2_b.sql", "create table b (id int);");
        MigrateResult result = this.files.config().validateOnMigrate(false).load().migrate();
        assertThat(result.applied()).extracting(ExecutedMigration::versionText).containsExactly("2");
    }

}
