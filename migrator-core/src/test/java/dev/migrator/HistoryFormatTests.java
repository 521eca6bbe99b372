package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

/**
 * The history table's format during a rolling deploy: a table made by this format, one a newer migrator extended
 * (extra columns, a newer format that older readers may still use), one that needs a newer migrator, and one whose
 * columns were changed without saying so.
 */
class HistoryFormatTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void newTableIsMarkedWithTheFirstFormat() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        assertThat(comment()).isEqualTo("migrator history, format 1");
    }

    @Test
    void tableOfTheCurrentFormatIsReadAndMigrated() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        files.file("2_b.sql", "create table b (id int);");
        assertThat(files.migrator().status().migrations()).extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
        assertThat(files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
                .containsExactly("2");
        assertThat(comment()).isEqualTo("migrator history, format 1");
    }

    @Test
    void tableWithoutAMarkerIsReadAsTheFirstFormat() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        db.execute("comment on table schema_migrations is null");
        files.file("2_b.sql", "create table b (id int);");
        assertThat(files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
                .containsExactly("2");
    }

    @Test
    void newerFormatWithExtraColumnsIsReadByStatus() {
        files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "create table b (id int);");
        files.migrator().migrate();
        extendAsANewerMigratorWould();
        assertThat(files.migrator().status().migrations()).extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(files.migrator().validate().isValid()).isTrue();
    }

    @Test
    void newerFormatWithExtraColumnsIsMigratedAndKeepsTheirValuesAndItsMarker() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        extendAsANewerMigratorWould();
        files.file("2_b.sql", "create table b (id int);");
        assertThat(files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
                .containsExactly("2");
        assertThat(db.column("select version || ' ' || coalesce(principal, '-') || ' ' || attempt "
                + "from schema_migrations order by id")).containsExactly("1 deployer 7", "2 - 1");
        assertThat(comment()).isEqualTo("migrator history, format 3, min-reader 1");
        assertThat(db.tableExists("b")).isTrue();
    }

    @Test
    void historyOfANewerFormatListsItsRows() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        extendAsANewerMigratorWould();
        assertThat(files.migrator().history("1")).singleElement().satisfies((row) -> {
            assertThat(row.version()).hasToString("1");
            assertThat(row.type()).isEqualTo(MigrationType.VERSIONED);
            assertThat(row.isSuccess()).isTrue();
            assertThat(row.duration()).isNotNull();
        });
    }

    @Test
    void formatThatNeedsANewerReaderIsRefusedNamingBothFormats() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format 3, min-reader 2'");
        files.file("2_b.sql", "create table b (id int);");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> files.migrator().migrate())
                .withMessageContaining("is in history format 3")
                .withMessageContaining("reads history format 2 or later")
                .withMessageContaining("this migrator reads history format 1")
                .withMessageContaining("Upgrade migrator");
        assertThat(db.tableExists("b")).isFalse();
    }

    @Test
    void formatThatNeedsANewerReaderIsRefusedByStatus() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format 2'");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> files.migrator().status())
                .withMessageContaining("is in history format 2")
                .withMessageContaining("this migrator reads history format 1");
    }

    @Test
    void markerThatCannotBeParsedIsRefused() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format two'");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> files.migrator().status())
                .withMessageContaining("format marker this migrator cannot read")
                .withMessageContaining("'migrator history, format two'");
    }

    @Test
    void changedColumnOfAMarkedTableIsRefusedNamingTheColumn() {
        files.file("1_a.sql", "create table a (id int);");
        files.migrator().migrate();
        db.execute("alter table schema_migrations alter column checksum type text");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> files.migrator().status())
                .withMessageContaining("does not have the columns this migrator relies on")
                .withMessageContaining("checksum is text, expected character varying(64)");
    }

    /** What a newer migrator might do: add columns and a format that format-1 readers may still use. */
    private static void extendAsANewerMigratorWould() {
        db.execute("alter table schema_migrations add column principal varchar(200), "
                + "add column attempt integer not null default 1");
        db.execute("update schema_migrations set principal = 'deployer', attempt = 7 where version = '1'");
        db.execute("comment on table schema_migrations is 'migrator history, format 3, min-reader 1'");
    }

    private static String comment() {
        return db.value("select obj_description('schema_migrations'::regclass, 'pg_class')");
    }
}
