package dev.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The history table's format during a rolling deploy: a table made by this format, one a
 * newer migrator extended (extra columns, a newer format that older readers may still
 * use), one that needs a newer migrator, and one whose columns were changed without
 * saying so.
 */
class HistoryFormatTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void newTableIsMarkedWithTheFirstFormat() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        assertThat(comment()).isEqualTo("migrator history, format 1");
    }

    @Test
    void tableOfTheCurrentFormatIsReadAndMigrated() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        this.files.file("2_b.sql", "create table b (id int);");
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
        assertThat(this.files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2");
        assertThat(comment()).isEqualTo("migrator history, format 1");
    }

    @Test
    void tableWithoutAMarkerIsReadAsTheFirstFormat() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("comment on table schema_migrations is null");
        this.files.file("2_b.sql", "create table b (id int);");
        assertThat(this.files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2");
    }

    @Test
    void newerFormatWithExtraColumnsIsReadByStatus() {
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "create table b (id int);");
        this.files.migrator().migrate();
        extendAsANewerMigratorWould();
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(this.files.migrator().validate().isValid()).isTrue();
    }

    @Test
    void newerFormatWithExtraColumnsIsMigratedAndKeepsTheirValuesAndItsMarker() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        extendAsANewerMigratorWould();
        this.files.file("2_b.sql", "create table b (id int);");
        assertThat(this.files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2");
        assertThat(db.column("select version || ' ' || coalesce(principal, '-') || ' ' || attempt "
                + "from schema_migrations order by id"))
            .containsExactly("1 deployer 7", "2 - 1");
        assertThat(comment()).isEqualTo("migrator history, format 3, min-reader 1");
        assertThat(db.tableExists("b")).isTrue();
    }

    @Test
    void historyOfANewerFormatListsItsRows() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        extendAsANewerMigratorWould();
        assertThat(this.files.migrator().history("1")).singleElement().satisfies((row) -> {
            assertThat(row.version()).hasToString("1");
            assertThat(row.type()).isEqualTo(MigrationType.VERSIONED);
            assertThat(row.isSuccess()).isTrue();
            assertThat(row.duration()).isNotNull();
        });
    }

    @Test
    void formatThatNeedsANewerReaderIsRefusedNamingBothFormats() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format 3, min-reader 2'");
        this.files.file("2_b.sql", "create table b (id int);");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().migrate())
            .withMessageContaining("is in history format 3")
            .withMessageContaining("reads history format 2 or later")
            .withMessageContaining("this migrator reads history format 1")
            .withMessageContaining("Upgrade migrator");
        assertThat(db.tableExists("b")).isFalse();
    }

    @Test
    void formatThatNeedsANewerReaderIsRefusedByStatus() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format 2'");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().status())
            .withMessageContaining("is in history format 2")
            .withMessageContaining("this migrator reads history format 1");
    }

    @Test
    void markerThatCannotBeParsedIsRefused() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format two'");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().status())
            .withMessageContaining("format marker this migrator cannot read")
            .withMessageContaining("'migrator history, format two'");
    }

    @Test
    void changedColumnOfAMarkedTableIsRefusedNamingTheColumn() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        db.execute("alter table schema_migrations alter column checksum type text");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().status())
            .withMessageContaining("does not have the columns this migrator relies on")
            .withMessageContaining("checksum is text, expected character varying(64)");
    }

    /**
     * What a newer migrator might do: add columns and a format that format-1 readers may
     * still use.
     */
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
