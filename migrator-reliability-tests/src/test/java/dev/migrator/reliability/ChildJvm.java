package dev.migrator.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started with this test JVM's java binary and class path; its stdout and stderr go
 * to a file that the test reads (a file, not a pipe, so a child never blocks on a full
 * pipe and its output survives a kill).
 */
final class ChildJvm {

    private final Process process;

    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildJvm start(Path output, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("Cannot tell this JVM's java binary")));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-Dmigrator.log.level=INFO");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            return new ChildJvm(process, output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + command, ex);
        }
    }

    Process process() {
        return this.process;
    }

    long pid() {
        return this.process.pid();
    }

    /** Everything the child has written so far. */
    String output() {
        try {
            return Files.readString(this.output, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Polls the output until it contains {@code text}; fails when the child exits first
     * or on timeout.
     */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!this.process.isAlive() && !output().contains(text)) {
                throw new AssertionError("Child " + pid() + " exited (" + this.process.exitValue()
                        + ") without printing '" + text + "':\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Child " + pid() + " did not print '" + text + "' within " + timeout + ":\n" + output());
            }
            Thread.sleep(5);
        }
    }

    /** Waits for the exit code; kills the child and fails on timeout. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            this.process.destroyForcibly().waitFor();
            throw new AssertionError("Child " + pid() + " did not finish within " + timeout + ":\n" + output());
        }
        return this.process.exitValue();
    }

    /** kill -9, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor();
    }

}
