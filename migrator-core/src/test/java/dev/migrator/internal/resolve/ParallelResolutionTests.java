package dev.migrator.internal.resolve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.InvalidMigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Many files are read and checksummed on several threads: the result, and every problem with its order, must be the
 * same as reading them one after the other on one thread.
 */
class ParallelResolutionTests {

    private static final int FILES = 3 * ParallelChecksums.MIN_FILES;

    @TempDir
    Path dir;

    @Test
    void manyFilesResolveExactlyAsOnOneThread() throws IOException {
        for (int i = 1; i <= FILES; i++) {
            write(String.format("V%04d__table_%d.sql", i, i), "create table t" + i + " (id int);\r\n-- é " + i);
            if (i % 10 == 0) {
                write(String.format("rollback/U%04d__drop_%d.sql", i, i), "drop table t" + i + ";");
            }
        }
        write("R__views.sql", "\uFEFFcreate view v as select 1;");
        write("sub/R__more.sql", "select 2;");
        write("README.md", "not a script");
        List<String> sequential = describe(resolver(1).resolve());
        assertThat(sequential).hasSize(FILES + 2);
        for (int threads : new int[] {2, 3, 8}) {
            for (int run = 0; run < 5; run++) {
                assertThat(describe(resolver(threads).resolve())).isEqualTo(sequential);
            }
        }
    }

    @Test
    void problemsAreTheSameAndInTheSameOrderAsOnOneThread() throws IOException {
        for (int i = 1; i <= FILES; i++) {
            write(String.format("V%04d__table_%d.sql", i, i), "select " + i + ";");
        }
        writeBytes("V0003__nul.sql", "select\u00001;".getBytes(StandardCharsets.UTF_8));
        writeBytes("V0050__latin1.sql", new byte[] {'s', 'e', 'l', (byte) 0xE9, ';'});
        writeBytes("V0100__truncated.sql", new byte[] {'s', (byte) 0xC3});
        write("V0007__duplicate.sql", "select 7;");
        write("V0170_bad name.sql", "select 1;");
        write("X_no_version.sql", "select 1;");
        write("V0120__UPPER.SQL", "select 1;");
        write("rollback/U9999__orphan.sql", "select 1;");
        InvalidMigrationException sequential = failure(resolver(1));
        assertThat(sequential.getMessage()).contains("problems):").contains("V0003__nul.sql")
                .contains("V0050__latin1.sql").contains("V0100__truncated.sql").contains("Version 0007")
                .contains("U9999__orphan.sql");
        for (int threads : new int[] {2, 3, 8}) {
            for (int run = 0; run < 5; run++) {
                InvalidMigrationException parallel = failure(resolver(threads));
                assertThat(parallel.getMessage()).isEqualTo(sequential.getMessage());
                assertThat(parallel.getScript()).isEqualTo(sequential.getScript());
                assertThat(parallel.getLine()).isEqualTo(sequential.getLine());
                assertThat(causes(parallel)).isEqualTo(causes(sequential));
            }
        }
    }

    @Test
    void manyEntriesOfAJarResolveExactlyAsOnOneThread() throws IOException {
        Path jar = dir.resolve("migrations.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (String directory : List.of("db/", "db/migration/", "db/migration/rollback/")) {
                jarOut.putNextEntry(new JarEntry(directory));
                jarOut.closeEntry();
            }
            for (int i = 1; i <= FILES; i++) {
                jarOut.putNextEntry(new JarEntry(String.format("db/migration/V%04d__t.sql", i)));
                jarOut.write(("create table t" + i + " (id int);\n").repeat(i).getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("db/migration/rollback/U0001__undo.sql"));
            jarOut.write("drop table t1;".getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<String> sequential = describe(
                    new MigrationResolver(List.of("classpath:db/migration"), loader, true, 1).resolve());
            assertThat(sequential).hasSize(FILES);
            for (int run = 0; run < 5; run++) {
                assertThat(describe(new MigrationResolver(List.of("classpath:db/migration"), loader, true, 4)
                        .resolve())).isEqualTo(sequential);
            }
        }
    }

    @Test
    void fewFilesAreReadOnTheCallingThreadOnly() throws IOException {
        write("V1__a.sql", "select 1;");
        List<LocatedScript> files = new ArrayList<>();
        DirectoryScanner.scan(Location.parse("filesystem:" + dir), dir, files, new Problems());
        assertThat(ParallelChecksums.compute(files, 8, ParallelChecksums.MIN_FILES)).isNull();
        assertThat(ParallelChecksums.compute(files, 1, 1)).isNull();
    }

    @Test
    void helperThreadsAreGoneWhenResolutionReturns() throws IOException {
        for (int i = 1; i <= FILES; i++) {
            write(String.format("V%04d__t.sql", i), "select 1;");
        }
        resolver(4).resolve();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                (thread) -> thread.getName().startsWith("migrator-checksum-") && thread.isAlive());
    }

    private MigrationResolver resolver(int threads) {
        return new MigrationResolver(List.of("filesystem:" + dir), null, true, threads);
    }

    private static InvalidMigrationException failure(MigrationResolver resolver) {
        return catchThrowableOfType(resolver::resolve, InvalidMigrationException.class);
    }

    /** The cause and suppressed exceptions, by class and message, in order. */
    private static List<String> causes(Throwable ex) {
        List<String> causes = new ArrayList<>();
        causes.add(String.valueOf(ex.getCause()));
        Arrays.stream(ex.getSuppressed()).map(String::valueOf).forEach(causes::add);
        return causes;
    }

    private static List<String> describe(List<ResolvedMigration> migrations) {
        return migrations.stream().map((m) -> m.version() + "|" + m.description() + "|" + m.type() + "|" + m.script()
                + "|" + m.checksum() + "|" + m.resource().displayName() + "|"
                + ((m.rollback() != null) ? m.rollback().displayName() : "-")).toList();
    }

    private void write(String relative, String content) throws IOException {
        writeBytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(String relative, byte[] content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
