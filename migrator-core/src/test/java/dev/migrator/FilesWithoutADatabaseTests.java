package dev.migrator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.test.MigrationFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The file-only work of {@link Migrator}: it runs with no {@code DataSource} configured.
 */
class FilesWithoutADatabaseTests {

    @TempDir
    Path dir;

    private MigrationFiles files() {
        return new MigrationFiles(this.dir);
    }

    private Migrator migrator() {
        return Migrator.configure().locations(files().location()).load();
    }

    @Test
    void listsVersionedThenRepeatableFilesWithTheirVersionsDescriptionsAndScripts() {
        files().file("001_create_accounts.sql", "create table accounts (id int);")
            .file("billing/2.1_add_invoices.sql", "create table invoices (id int);")
            .file("R__accounts_view.sql", "create or replace view v as select id from accounts;");
        MigrationFileSet set = migrator().files();
        assertThat(set.files())
            .extracting(MigrationFile::type, MigrationFile::versionText, MigrationFile::description,
                    MigrationFile::script)
            .containsExactly(tuple(MigrationType.VERSIONED, "001", "create accounts", "001_create_accounts.sql"),
                    tuple(MigrationType.VERSIONED, "2.1", "add invoices", "billing/2.1_add_invoices.sql"),
                    tuple(MigrationType.REPEATABLE, null, "accounts view", "R__accounts_view.sql"));
        assertThat(set.versioned()).hasSize(2);
        assertThat(set.repeatable()).extracting(MigrationFile::description).containsExactly("accounts view");
    }

    @Test
    void namesTheLocationEachFileWasFoundIn() {
        files().file("1_a.sql", "select 1;");
        MigrationFile file = migrator().files().files().get(0);
        assertThat(file.location()).isEqualTo(files().location());
        assertThat(file.displayName()).isEqualTo(files().location() + "/1_a.sql");
    }

    @Test
    void pairsRollbackScriptsWithTheirMigrations() {
        files().file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("rollback/1_drop_a.sql", "drop table a;");
        assertThat(migrator().files().files()).extracting(MigrationFile::versionText, MigrationFile::rollbackScript)
            .containsExactly(tuple("1", "rollback/1_drop_a.sql"), tuple("2", null));
    }

    @Test
    void givesTheChecksumOfTheNormalisedTextAsMigrateRecordsIt() throws Exception {
        files().bytes("1_a.sql", "\uFEFFselect 1;\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] normalised = MessageDigest.getInstance("SHA-256").digest("select 1;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(migrator().files().files().get(0).checksum()).isEqualTo(HexFormat.of().formatHex(normalised));
    }

    @Test
    void latestVersionIsTheHighestVersionNotTheLastWritten() {
        files().file("9_a.sql", "select 1;").file("10_b.sql", "select 1;").file("R__c.sql", "select 1;");
        assertThat(migrator().files().latestVersion()).hasToString("10");
    }

    @Test
    void anEmptyLocationHasNoLatestVersion() {
        files().file("README.txt", "not a migration");
        MigrationFileSet set = migrator().files();
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.latestVersion()).isNull();
    }

    @Test
    void badFilesFailAsMigrateWouldWithEveryProblem() {
        files().file("1_a.sql", "select 1;").file("1_b.sql", "select 2;").file("rollback/7_undo.sql", "select 3;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> migrator().files())
            .withMessageContaining("Version 1 is used by 2 files")
            .withMessageContaining("rollback/7_undo.sql");
    }

    @Test
    void aConfiguredLocationThatDoesNotExistIsReported() {
        Migrator migrator = Migrator.configure().locations("filesystem:" + this.dir.resolve("absent")).load();
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(migrator::files)
            .withMessageContaining("does not exist");
    }

    @Test
    void checkFilesFindsNothingInGoodFiles() {
        files().file("1_a.sql", "create table a (id int);\ninsert into a values (1);")
            .file("rollback/1_undo.sql", "drop table a;")
            .file("R__v.sql", "create or replace view v as select 1;");
        assertThat(migrator().checkFiles().isValid()).isTrue();
    }

    @Test
    void checkFilesReportsEveryScriptThatDoesNotSplit() {
        files().file("1_a.sql", "select 'unterminated;")
            .file("2_b.sql", "select 1;")
            .file("3_c.sql", "\\connect other\nselect 1;");
        ValidateResult result = migrator().checkFiles();
        assertThat(result.problems()).extracting(ValidateResult.Problem::kind)
            .containsOnly(ValidateResult.Kind.INVALID_FILES);
        assertThat(result.problems()).extracting(ValidateResult.Problem::script)
            .containsExactly(files().location() + "/1_a.sql", files().location() + "/3_c.sql");
    }

    @Test
    void checkFilesSplitsRollbackScriptsToo() {
        files().file("1_a.sql", "create table a (id int);").file("rollback/1_undo.sql", "drop table \"a;");
        assertThat(migrator().checkFiles().problems()).extracting(ValidateResult.Problem::script)
            .containsExactly(files().location() + "/rollback/1_undo.sql");
    }

    @Test
    void checkFilesReportsBadNamesAsOneProblem() {
        files().file("1_a.sql", "select 1;").file("1_b.sql", "select 2;");
        ValidateResult result = migrator().checkFiles();
        assertThat(result.problems()).singleElement().satisfies((p) -> {
            assertThat(p.kind()).isEqualTo(ValidateResult.Kind.INVALID_FILES);
            assertThat(p.message()).contains("Version 1 is used by 2 files");
        });
    }

}
