package dev.migrator.internal.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilesystemResolutionTests {

    @TempDir
    Path dir;

    @Test
    void resolvesEveryNamingForm() throws IOException {
        write("001_initial_schema.sql", "create table a (id int);");
        write("002-add-audit-logs.sql", "create table b (id int);");
        write("V3__add_users.sql", "create table c (id int);");
        write("2.1_fix.sql", "select 1;");
        write("20261122093000_add_index.sql", "create index i on a (id);");
        write("R__views.sql", "create or replace view v as select 1;");
        List<ResolvedMigration> migrations = resolve();
        assertThat(migrations).extracting(ResolvedMigration::script)
            .containsExactly("001_initial_schema.sql", "002-add-audit-logs.sql", "2.1_fix.sql", "V3__add_users.sql",
                    "20261122093000_add_index.sql", "R__views.sql");
        assertThat(migrations).extracting(ResolvedMigration::description)
            .containsExactly("initial schema", "add audit logs", "fix", "add users", "add index", "views");
        assertThat(migrations.get(5).type()).isEqualTo(MigrationType.REPEATABLE);
        assertThat(migrations.get(5).version()).isNull();
        assertThat(migrations.get(0).version()).hasToString("001");
    }

    @Test
    void versionsOrderNumerically() throws IOException {
        write("9_a.sql", "select 9;");
        write("10_b.sql", "select 10;");
        write("1.10_c.sql", "select 1.10;");
        write("1.9_d.sql", "select 1.9;");
        assertThat(resolve()).extracting((m) -> m.version().toString()).containsExactly("1.9", "1.10", "9", "10");
    }

    @Test
    void repeatablesFollowVersionedOrderedByDescription() throws IOException {
        write("R__zeta.sql", "select 1;");
        write("R__alpha.sql", "select 2;");
        write("5_x.sql", "select 3;");
        assertThat(resolve()).extracting(ResolvedMigration::description).containsExactly("x", "alpha", "zeta");
    }

    @Test
    void subdirectoriesAreScannedAndRecordedInTheScript() throws IOException {
        write("billing/002_add_invoices.sql", "select 1;");
        write("001_init.sql", "select 1;");
        List<ResolvedMigration> migrations = resolve();
        assertThat(migrations).extracting(ResolvedMigration::script)
            .containsExactly("001_init.sql", "billing/002_add_invoices.sql");
        assertThat(migrations.get(1).resource().displayName()).isEqualTo(location() + "/billing/002_add_invoices.sql");
        assertThat(migrations.get(1).resource().relativePath()).isEqualTo("billing/002_add_invoices.sql");
    }

    @Test
    void sameVersionWrittenDifferentlyIsADuplicateNamingBothFiles() throws IOException {
        write("1_a.sql", "select 1;");
        write("sub/001_b.sql", "select 2;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining("Version 1 (also written 001) is used by 2 files: " + location() + "/1_a.sql (in "
                    + this.dir + "), " + location() + "/sub/001_b.sql (in " + this.dir + ")")
            .withMessageContaining("Fix: give each migration its own version");
    }

    @Test
    void sameRepeatableDescriptionTwiceIsAnError() throws IOException {
        write("R__views.sql", "select 1;");
        write("other/R__views.sql", "select 2;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining("The repeatable description 'views' is used by 2 files")
            .withMessageContaining(location() + "/R__views.sql")
            .withMessageContaining(location() + "/other/R__views.sql");
    }

    @Test
    void rollbackScriptIsPairedByVersion() throws IOException {
        write("001_create.sql", "create table t (id int);");
        write("002_alter.sql", "alter table t add c int;");
        write("rollback/1_drop.sql", "drop table t;");
        write("rollback/U2__undo.sql", "alter table t drop c;");
        List<ResolvedMigration> migrations = resolve();
        assertThat(migrations).hasSize(2);
        assertThat(migrations.get(0).rollback().relativePath()).isEqualTo("rollback/1_drop.sql");
        assertThat(migrations.get(0).rollback().readContent()).isEqualTo("drop table t;");
        assertThat(migrations.get(1).rollback().displayName()).isEqualTo(location() + "/rollback/U2__undo.sql");
    }

    @Test
    void migrationWithoutRollbackScriptHasNone() throws IOException {
        write("001_create.sql", "create table t (id int);");
        assertThat(resolve().get(0).rollback()).isNull();
    }

    @Test
    void rollbackScriptWithoutMigrationIsAnError() throws IOException {
        write("001_create.sql", "select 1;");
        write("rollback/002-undo.sql", "select 2;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/rollback/002-undo.sql is a rollback script for version 002, " + "but "
                    + location() + " has no migration with that version")
            .satisfies((ex) -> assertThat(ex.getScript()).isEqualTo(location() + "/rollback/002-undo.sql"));
    }

    @Test
    void twoRollbackScriptsForOneVersionIsAnError() throws IOException {
        write("001_create.sql", "select 1;");
        write("rollback/001_undo.sql", "select 2;");
        write("rollback/U1__undo_again.sql", "select 3;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining("Version 001 (also written 1) has 2 rollback scripts")
            .withMessageContaining("Fix: keep one");
    }

    @Test
    void rollbackDirectoryBelowASubdirectoryIsAnError() throws IOException {
        write("billing/001_create.sql", "select 1;");
        write("billing/rollback/001_undo.sql", "select 2;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/billing/rollback/001_undo.sql is in a rollback/ directory "
                    + "that is not directly under its location");
    }

    @Test
    void badNameIsAnErrorListingTheAcceptedPatterns() throws IOException {
        write("create_tables.sql", "select 1;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/create_tables.sql does not start with a version")
            .withMessageContaining("<version>_<description>.sql or <version>-<description>.sql")
            .withMessageContaining("V<version>__<description>.sql")
            .withMessageContaining("R__<description>.sql")
            .withMessageContaining("rollback/<version>_<description>.sql");
    }

    @Test
    void upperCaseSqlSuffixIsAnErrorWithAHint() throws IOException {
        write("001_init.SQL", "select 1;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/001_init.SQL ends in '.SQL', but scripts must end in '.sql' "
                    + "(lower case). Fix: rename it to end in .sql");
    }

    @Test
    void otherFilesAndHiddenFilesAreIgnored() throws IOException {
        write("README.md", "# migrations");
        write(".gitkeep", "");
        write(".#001_init.sql", "editor lock file");
        write(".hidden/junk.sql", "not a migration");
        write("001_init.sql", "select 1;");
        assertThat(resolve()).extracting(ResolvedMigration::script).containsExactly("001_init.sql");
    }

    @Test
    void checksumIgnoresLineEndingsAndBom() throws IOException {
        write("a/001_x.sql", "select 1;\r\nselect 2;\r\n");
        write("b/002_x.sql", "\uFEFFselect 1;\nselect 2;\n");
        List<ResolvedMigration> migrations = resolve();
        assertThat(migrations.get(0).checksum()).isEqualTo(migrations.get(1).checksum());
    }

    @Test
    void readContentReadsTheFileAgainEachTime() throws IOException {
        write("001_x.sql", "select 1;\r\n");
        ScriptResource resource = resolve().get(0).resource();
        assertThat(resource.readContent()).isEqualTo("select 1;\n");
        write("001_x.sql", "select 2;");
        assertThat(resource.readContent()).isEqualTo("select 2;");
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheFileAndOffset() throws IOException {
        Files.write(this.dir.resolve("001_x.sql"), "select 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(
                    location() + "/001_x.sql is not valid UTF-8: invalid byte sequence at byte " + "offset 11");
    }

    @Test
    void nulByteIsAnErrorNamingTheFileAndOffset() throws IOException {
        write("001_x.sql", "select\u00001;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/001_x.sql contains a NUL byte at byte offset 6 (line 1)");
    }

    @Test
    void invalidRollbackScriptContentIsAnError() throws IOException {
        write("001_x.sql", "select 1;");
        write("rollback/001_x.sql", "select\u00001;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/rollback/001_x.sql contains a NUL byte");
    }

    @Test
    void everyProblemIsReportedInOneException() throws IOException {
        write("001_a.sql", "select 1;");
        write("1_b.sql", "select 1;");
        write("init.sql", "select 1;");
        write("rollback/7_undo.sql", "select 1;");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageStartingWith("Invalid migration files (3 problems):")
            .withMessageContaining("init.sql does not start with a version")
            .withMessageContaining("Version 001 (also written 1) is used by 2 files")
            .withMessageContaining("7_undo.sql is a rollback script for version 7")
            .satisfies((ex) -> assertThat(ex.getScript()).isEqualTo(location() + "/init.sql"));
    }

    @Test
    void severalLocationsAreMerged(@TempDir Path other) throws IOException {
        write("001_a.sql", "select 1;");
        Files.writeString(other.resolve("002_b.sql"), "select 2;");
        Files.createDirectories(other.resolve("rollback"));
        Files.writeString(other.resolve("rollback/002_b.sql"), "select -2;");
        List<ResolvedMigration> migrations = new MigrationResolver(List.of(location(), "filesystem:" + other),
                getClass().getClassLoader())
            .resolve();
        assertThat(migrations).extracting(ResolvedMigration::script).containsExactly("001_a.sql", "002_b.sql");
        assertThat(migrations.get(1).resource().displayName()).isEqualTo("filesystem:" + other + "/002_b.sql");
        assertThat(migrations.get(1).rollback().readContent()).isEqualTo("select -2;");
    }

    @Test
    void rollbackScriptMustBeInTheLocationOfItsMigration(@TempDir Path other) throws IOException {
        write("001_a.sql", "select 1;");
        Files.createDirectories(other.resolve("rollback"));
        Files.writeString(other.resolve("rollback/001_a.sql"), "select -1;");
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> new MigrationResolver(List.of(location(), "filesystem:" + other), null).resolve())
            .withMessageContaining("filesystem:" + other + " has no migration with that version. The migration " + "is "
                    + location() + "/001_a.sql. Fix: move the rollback script to " + location() + "/rollback/");
    }

    @Test
    void configuredLocationThatDoesNotExistIsAnError() {
        String missing = "filesystem:" + this.dir.resolve("nope");
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> new MigrationResolver(List.of(missing), null).resolve())
            .withMessage("Invalid migration files: The location " + missing + " does not exist: there is no "
                    + this.dir.resolve("nope") + ". Fix: create it, or correct the configured locations");
    }

    @Test
    void locationThatDoesNotExistIsEmptyWhenNotConfigured() {
        String missing = "filesystem:" + this.dir.resolve("nope");
        assertThat(new MigrationResolver(List.of(missing), null, false).resolve()).isEmpty();
    }

    @Test
    void locationThatIsAFileIsAnError() throws IOException {
        write("001_x.sql", "select 1;");
        String file = "filesystem:" + this.dir.resolve("001_x.sql");
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> new MigrationResolver(List.of(file), null).resolve())
            .withMessageContaining("The location " + file + " is a file")
            .withMessageContaining("not a directory");
    }

    @Test
    void emptyLocationResolvesToNothing() {
        assertThat(resolve()).isEmpty();
    }

    @Test
    void unreadableFileIsAnErrorNamingTheFileAndReason() throws IOException {
        Path file = write("001_x.sql", "select 1;");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root (or without POSIX permissions): a file "
                + "without read permission is still readable, so this behaviour cannot be observed here");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(this::resolve)
            .withMessageContaining(location() + "/001_x.sql cannot be read: permission denied");
    }

    @Test
    void unreadableFileFailsReadContentWithTheReason() throws IOException {
        write("001_x.sql", "select 1;");
        ScriptResource resource = resolve().get(0).resource();
        Files.delete(this.dir.resolve("001_x.sql"));
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(resource::readContent)
            .withMessageStartingWith(location() + "/001_x.sql cannot be read: no such file or directory")
            .withCauseInstanceOf(IOException.class);
    }

    @Test
    void unknownPrefixIsAnError() {
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> new MigrationResolver(List.of("s3:bucket/sql"), null).resolve())
            .withMessageContaining("unknown prefix 's3:'");
    }

    private List<ResolvedMigration> resolve() {
        return new MigrationResolver(List.of(location()), getClass().getClassLoader()).resolve();
    }

    private String location() {
        return "filesystem:" + this.dir;
    }

    private Path write(String relative, String content) throws IOException {
        Path file = this.dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

}
