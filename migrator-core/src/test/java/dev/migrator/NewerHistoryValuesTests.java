package dev.migrator;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.ValidateResult.Kind;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * History rows a newer migrator wrote with values this one does not know: a status (say
 * {@code running}) and a kind of row. They are read and shown as they are, never counted
 * as applied, and never make migrate run anything again.
 */
class NewerHistoryValuesTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void unknownStatusIsShownAsSuchAndNotCountedAsApplied() {
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "create table b (id int);");
        this.files.migrator().migrate();
        runningRowOfANewerMigrator("2", "b", "2_b.sql");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.UNRECOGNIZED);
        assertThat(status.currentVersionText()).isEqualTo("1");
        assertThat(status.migrations().get(1).error()).contains("status 'running'");
        assertThat(this.files.migrator().history("2")).extracting(HistoryEntry::status)
            .containsExactly("completed", "running");
    }

    @Test
    void unknownStatusIsNotTheLastAppliedMigration() {
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "create table b (id int);");
        this.files.migrator().migrate();
        runningRowOfANewerMigrator("2", "b", "2_b.sql");
        assertThat(this.files.migrator().status().lastApplied().versionText()).isEqualTo("1");
    }

    @Test
    void unknownStatusIsReportedByValidate() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        this.files.file("2_b.sql", "create table b (id int);");
        runningRowOfANewerMigrator("2", "b", "2_b.sql");
        ValidateResult result = this.files.migrator().validate();
        assertThat(result.problems()).singleElement().satisfies((problem) -> {
            assertThat(problem.kind()).isEqualTo(Kind.UNRECOGNIZED_STATUS);
            assertThat(problem.message()).contains("2_b.sql")
                .contains("status 'running'")
                .contains("neither counts it as applied nor runs it");
        });
    }

    @Test
    void unknownStatusIsNeverRunAgainByMigrate() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        this.files.file("2_b.sql", "create table b (id int);");
        runningRowOfANewerMigrator("2", "b", "2_b.sql");
        assertThatExceptionOfType(ValidationFailedException.class)
            .isThrownBy(() -> this.files.config().validateOnMigrate(false).load().migrate())
            .withMessageContaining("status 'running'");
        assertThat(db.tableExists("b")).isFalse();
    }

    @Test
    void knownStatusAfterAnUnknownOneDecides() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        runningRowOfANewerMigrator("2", "b", "2_b.sql");
        db.execute("insert into schema_migrations (version, description, type, script, checksum, status, "
                + "duration_ms) values ('2', 'b', 'versioned', '2_b.sql', 'abc', 'completed', 5)");
        assertThat(this.files.migrator().status().migrations())
            .extracting(MigrationInfo::versionText, MigrationInfo::state)
            .containsExactly(Tuple.tuple("1", MigrationState.APPLIED), Tuple.tuple("2", MigrationState.FUTURE));
    }

    @Test
    void unknownKindOfRowIsListedButLeftOutOfTheStatus() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("insert into schema_migrations (version, description, type, script, checksum, status, "
                + "duration_ms) values ('2', 'imported', 'import', 'snapshot', null, 'completed', 0)");
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::versionText)
            .containsExactly("1");
        assertThat(this.files.migrator().history("2")).singleElement().satisfies((row) -> {
            assertThat(row.typeId()).isEqualTo("import");
            assertThat(row.type()).isNull();
        });
    }

    private static void runningRowOfANewerMigrator(String version, String description, String script) {
        db.execute("insert into schema_migrations (version, description, type, script, checksum, status, "
                + "duration_ms) values ('" + version + "', '" + description + "', 'versioned', '" + script
                + "', null, 'running', 0)");
    }

}
