package dev.migrator.internal.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.InvalidMigrationException;
import dev.migrator.test.Latches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A resolution whose files another thread read and checksummed gives exactly what reading
 * them one after the other on the resolving thread gives. The resolving thread waits,
 * when it offers the work, until the helper took all of it.
 */
class HelpedResolutionTests {

    @TempDir
    Path dir;

    @Test
    void aHelpingThreadGivesTheSameMigrationsAsASequentialRun() throws Exception {
        for (int i = 1; i <= 200; i++) {
            write(String.format("V%03d__t%d.sql", i, i), "create table t" + i + " (id int);\r\n".repeat(i % 7));
            if (i % 10 == 0) {
                write(String.format("rollback/U%03d__t%d.sql", i, i), "drop table t" + i + ";");
            }
        }
        write("R__view.sql", "\uFEFFcreate view v as select 1;");
        List<ResolvedMigration> sequential = resolver().resolve();
        List<ResolvedMigration> helped = resolveHelped();
        assertThat(helped).hasSize(201);
        assertThat(describe(helped)).isEqualTo(describe(sequential));
    }

    @Test
    void aHelpingThreadGivesTheSameProblemsInTheSameOrderAsASequentialRun() throws Exception {
        for (int i = 1; i <= 200; i++) {
            String name = String.format("V%03d__t%d.sql", i, i);
            switch (i % 9) {
                case 1 ->
                    Files.write(this.dir.resolve(name), "select 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
                case 2 -> write(name, "select\u00001;");
                case 3 -> write(String.format("x%03d.sql", i), "select 1;");
                case 4 -> write(String.format("V%03d__t%d.SQL", i, i), "select 1;");
                case 5 -> {
                    write(name, "select 1;");
                    write(String.format("%d_dup%d.sql", i, i), "select 1;");
                }
                default -> write(name, "select " + i + ";");
            }
        }
        Path mem = Path.of("/proc/self/mem"); // a regular file that even root cannot read
                                              // at offset 0
        Path unreadable = this.dir.resolve("V500__unreadable.sql");
        if (Files.isReadable(mem)) {
            Files.createSymbolicLink(unreadable, mem);
        }
        Throwable sequential;
        Throwable helped;
        try {
            sequential = catchThrowable(() -> resolver().resolve());
            helped = catchThrowable(this::resolveHelped);
        }
        finally {
            Files.deleteIfExists(unreadable);
        }
        assertThat(sequential).isInstanceOf(InvalidMigrationException.class)
            .hasMessageContaining("is not valid UTF-8")
            .hasMessageContaining("NUL byte")
            .hasMessageContaining("does not start with a version")
            .hasMessageContaining("must end in '.sql'")
            .hasMessageContaining("is used by 2 files");
        if (Files.isReadable(mem)) {
            assertThat(sequential).hasMessageContaining("V500__unreadable.sql cannot be read");
        }
        assertThat(helped).isInstanceOf(InvalidMigrationException.class).hasMessage(sequential.getMessage());
        assertThat(((InvalidMigrationException) helped).getScript())
            .isEqualTo(((InvalidMigrationException) sequential).getScript());
        assertThat(causes(helped)).isEqualTo(causes(sequential));
    }

    /**
     * Resolves on a thread of its own, which offers the reading and then waits until this
     * thread did all of it.
     */
    private List<ResolvedMigration> resolveHelped() throws Exception {
        CompletableFuture<SharedWork> offered = new CompletableFuture<>();
        CountDownLatch helped = new CountDownLatch(1);
        CompletableFuture<List<ResolvedMigration>> resolved = CompletableFuture
            .supplyAsync(() -> resolver().resolve((work) -> {
                offered.complete(work);
                Latches.await(helped);
            }), (task) -> new Thread(task).start());
        offered.get(10, TimeUnit.SECONDS).help();
        helped.countDown();
        try {
            return resolved.get(10, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            throw (Exception) ex.getCause();
        }
    }

    private MigrationResolver resolver() {
        return new MigrationResolver(List.of("filesystem:" + this.dir), null);
    }

    private static List<String> describe(List<ResolvedMigration> migrations) {
        return migrations.stream()
            .map((m) -> m.type() + " " + m.version() + " " + m.description() + " " + m.script() + " " + m.checksum()
                    + " " + ((m.rollback() != null) ? m.rollback().displayName() : "-"))
            .toList();
    }

    /** The cause and the suppressed exceptions, as class and message, in order. */
    private static List<String> causes(Throwable thrown) {
        return Stream.concat(Stream.of(thrown.getCause()), Arrays.stream(thrown.getSuppressed()))
            .map((ex) -> ex.getClass().getName() + ": " + ex.getMessage())
            .toList();
    }

    private Path write(String relative, String content) throws IOException {
        Path file = this.dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

}
