package dev.migrator.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL cluster of this test's own (initdb into a temporary directory,
 * on a free port), so a test can restart a server without disturbing the shared one.
 * Needs the server binaries ({@code initdb}, {@code pg_ctl}); as root they run as the
 * {@code postgres} OS user through {@code runuser}.
 */
final class PrivateCluster implements AutoCloseable {

    private final Path bin;

    private final Path dir;

    private final int port;

    private final boolean asPostgresUser;

    private PrivateCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Where the server binaries are, or {@code null} when this machine has none (e.g.
     * Testcontainers only).
     */
    static Path findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map((v) -> v.resolve("bin"))
                .filter((b) -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(
                        (Path b) -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElse(null);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not list " + root, ex);
        }
    }

    /** Creates and starts a cluster with trust authentication on a free loopback port. */
    static PrivateCluster start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("migrator-cluster-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivateCluster cluster = new PrivateCluster(bin, dir, port, root);
        if (root) {
            cluster.run(List.of("chown", "postgres", dir.toString()), false);
        }
        cluster.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U",
                "postgres", "--no-sync"), true);
        cluster.pgCtl("start");
        return cluster;
    }

    private void pgCtl(String action, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(this.bin.resolve("pg_ctl").toString(), "-D",
                this.dir.resolve("data").toString(), "-l", this.dir.resolve("server.log").toString(), "-w", "-o",
                "-p " + this.port + " -k " + this.dir + " -c listen_addresses=127.0.0.1 -c fsync=off"));
        command.addAll(List.of(extra));
        command.add(action);
        run(command, true);
    }

    /** Restarts the server at once ({@code -m fast}: active sessions are terminated). */
    void restart() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast");
    }

    /** A data source for the cluster's {@code postgres} database. */
    PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres?user=postgres");
        return dataSource;
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && this.asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", full) + "' failed:\n" + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pgCtl("stop", "-m", "immediate");
        }
        finally {
            try (Stream<Path> files = Files.walk(this.dir)) {
                files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
            }
        }
    }

}
