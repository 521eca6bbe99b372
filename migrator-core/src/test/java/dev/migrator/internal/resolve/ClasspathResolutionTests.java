package dev.migrator.internal.resolve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigratorConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClasspathResolutionTests {

    @TempDir
    Path dir;

    @Test
    void resolvesADirectoryOnTheClasspath() {
        List<ResolvedMigration> migrations = new MigrationResolver(List.of("classpath:resolve/basic"),
                getClass().getClassLoader())
            .resolve();
        assertThat(migrations).extracting(ResolvedMigration::script)
            .containsExactly("001_init.sql", "002-add-audit.sql", "reports/V3__reports.sql", "R__account_view.sql");
        ResolvedMigration first = migrations.get(0);
        assertThat(first.resource().displayName()).isEqualTo("classpath:resolve/basic/001_init.sql");
        assertThat(first.resource().readContent()).isEqualTo("create table account (id bigint primary key);\n");
        assertThat(first.rollback().displayName()).isEqualTo("classpath:resolve/basic/rollback/001_drop_account.sql");
        assertThat(migrations.get(1).resource().readContent())
            .isEqualTo("-- adds the audit table\ncreate table audit (id bigint);\n");
    }

    @Test
    void locationWithoutPrefixAndWithSlashesIsTheSameClasspathLocation() {
        List<ResolvedMigration> migrations = new MigrationResolver(List.of("/resolve/basic/"),
                getClass().getClassLoader())
            .resolve();
        assertThat(migrations).hasSize(4);
        assertThat(migrations.get(0).resource().displayName()).isEqualTo("classpath:resolve/basic/001_init.sql");
    }

    @Test
    void resolvesAPlainJar() throws IOException {
        Path jar = jar("migrations.jar",
                Map.of("db/migration/001_init.sql", "create table a (id int);\r\n", "db/migration/sub/R__v.sql",
                        "create view v as select 1;", "db/migration/rollback/001_undo.sql", "drop table a;",
                        "db/migration/README.md", "ignored"));
        try (URLClassLoader loader = loader(jar)) {
            List<ResolvedMigration> migrations = new MigrationResolver(List.of(MigratorConfig.DEFAULT_LOCATION), loader)
                .resolve();
            assertThat(migrations).extracting(ResolvedMigration::script)
                .containsExactly("001_init.sql", "sub/R__v.sql");
            ResolvedMigration first = migrations.get(0);
            assertThat(first.resource().displayName()).isEqualTo("classpath:db/migration/001_init.sql");
            assertThat(first.resource().readContent()).isEqualTo("create table a (id int);\n");
            assertThat(first.rollback().readContent()).isEqualTo("drop table a;");
            assertThat(first.checksum()).isEqualTo(checksumOf("create table a (id int);\n"));
        }
    }

    @Test
    void sameLocationInSeveralClasspathRootsIsMerged() throws IOException {
        Path jar = jar("one.jar", Map.of("db/migration/001_a.sql", "select 1;"));
        Path classes = this.dir.resolve("classes");
        Files.createDirectories(classes.resolve("db/migration"));
        Files.writeString(classes.resolve("db/migration/002_b.sql"), "select 2;");
        try (URLClassLoader loader = loader(jar, classes)) {
            assertThat(new MigrationResolver(List.of("classpath:db/migration"), loader).resolve())
                .extracting(ResolvedMigration::script)
                .containsExactly("001_a.sql", "002_b.sql");
        }
    }

    @Test
    void sameFileInTwoJarsIsADuplicateNamingBothJars() throws IOException {
        Path one = jar("one.jar", Map.of("db/migration/001_a.sql", "select 1;"));
        Path two = jar("two.jar", Map.of("db/migration/001_a.sql", "select 1;"));
        try (URLClassLoader loader = loader(one, two)) {
            assertThatExceptionOfType(InvalidMigrationException.class)
                .isThrownBy(() -> new MigrationResolver(List.of("classpath:db/migration"), loader).resolve())
                .withMessageContaining("Version 001 is used by 2 files: classpath:db/migration/001_a.sql (in jar:"
                        + one.toUri().toURL() + "!/db/migration), classpath:db/migration/001_a.sql (in jar:"
                        + two.toUri().toURL() + "!/db/migration)");
        }
    }

    @Test
    void invalidContentInAJarIsAnErrorNamingTheFile() throws IOException {
        Path jar = jar("bad.jar", Map.of("db/migration/001_a.sql", "select\u00001;"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatExceptionOfType(InvalidMigrationException.class)
                .isThrownBy(() -> new MigrationResolver(List.of("classpath:db/migration"), loader).resolve())
                .withMessageContaining("classpath:db/migration/001_a.sql contains a NUL byte at byte offset 6");
        }
    }

    @Test
    void missingDefaultLocationMeansNoMigrations() throws IOException {
        try (URLClassLoader loader = loader()) {
            assertThat(new MigrationResolver(List.of(MigratorConfig.DEFAULT_LOCATION), loader).resolve()).isEmpty();
        }
    }

    @Test
    void missingConfiguredLocationIsAnErrorNamingIt() throws IOException {
        try (URLClassLoader loader = loader()) {
            assertThatExceptionOfType(InvalidMigrationException.class)
                .isThrownBy(() -> new MigrationResolver(List.of("classpath:db/migrations"), loader).resolve())
                .withMessage("Invalid migration files: The location classpath:db/migrations does not exist: it "
                        + "is in no directory or jar of the class path. Fix: create it, or correct the "
                        + "configured locations")
                .satisfies((ex) -> assertThat(ex.getScript()).isEqualTo("classpath:db/migrations"));
        }
    }

    @Test
    void defaultLocationConfiguredExplicitlyMustExist() throws IOException {
        try (URLClassLoader loader = loader()) {
            assertThatExceptionOfType(InvalidMigrationException.class)
                .isThrownBy(
                        () -> new MigrationResolver(List.of(MigratorConfig.DEFAULT_LOCATION), loader, true).resolve())
                .withMessageContaining("The location classpath:db/migration does not exist");
        }
    }

    @Test
    void defaultLocationNextToAnotherLocationMustExist() throws IOException {
        Path jar = jar("other.jar", Map.of("sql/001_a.sql", "select 1;"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(
                    () -> new MigrationResolver(List.of("classpath:sql", "classpath:db/migration"), loader).resolve())
                .withMessageContaining("The location classpath:db/migration does not exist");
        }
    }

    @Test
    void classpathLocationThatIsAFileInAJarIsAnError() throws IOException {
        Path jar = jar("file.jar", Map.of("db/migration/001_a.sql", "select 1;"));
        try (URLClassLoader loader = loader(jar)) {
            assertThatExceptionOfType(InvalidMigrationException.class)
                .isThrownBy(() -> new MigrationResolver(List.of("classpath:db/migration/001_a.sql"), loader).resolve())
                .withMessageContaining("classpath:db/migration/001_a.sql is a file")
                .withMessageContaining("not a directory");
        }
    }

    @Test
    void classpathLocationThatIsAFileInADirectoryIsAnError() {
        assertThatExceptionOfType(InvalidMigrationException.class)
            .isThrownBy(() -> new MigrationResolver(List.of("classpath:resolve/basic/001_init.sql"),
                    getClass().getClassLoader())
                .resolve())
            .withMessageContaining("classpath:resolve/basic/001_init.sql is a file");
    }

    private static String checksumOf(String normalised) throws IOException {
        return ScriptText.checksum(new ByteArrayInputStream(normalised.getBytes(StandardCharsets.UTF_8)), "x");
    }

    private static URLClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    /**
     * Writes a jar with the files and, as build tools do, an entry for each directory.
     */
    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = this.dir.resolve(name);
        Map<String, String> sorted = new LinkedHashMap<>();
        files.keySet().stream().sorted().forEach((k) -> sorted.put(k, files.get(k)));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            Set<String> directories = new HashSet<>();
            for (Map.Entry<String, String> file : sorted.entrySet()) {
                String path = file.getKey();
                for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                    String directory = path.substring(0, slash + 1);
                    if (directories.add(directory)) {
                        jarOut.putNextEntry(new JarEntry(directory));
                        jarOut.closeEntry();
                    }
                }
                jarOut.putNextEntry(new JarEntry(path));
                jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

}
