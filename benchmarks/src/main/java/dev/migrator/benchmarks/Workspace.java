package dev.migrator.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Generated migration directories and the {@code bench_*} databases they run against. */
final class Workspace {

    private final String host;

    private final int port;

    private final String user;

    private final Path root;

    private int databases;

    Workspace(String host, int port, String user) throws IOException {
        this.host = host;
        this.port = port;
        this.user = user;
        this.root = Files.createTempDirectory("migrator-bench");
    }

    String url(String database) {
        return url(database, this.port);
    }

    String url(String database, int viaPort) {
        return "jdbc:postgresql://" + this.host + ":" + viaPort + "/" + database + "?user=" + this.user
                + "&sslmode=disable";
    }

    String host() {
        return this.host;
    }

    int port() {
        return this.port;
    }

    /** The SQL of the small migration number {@code i}: three statements. */
    static String smallMigration(int i) {
        String t = String.format("t%05d", i);
        StringBuilder sql = new StringBuilder();
        sql.append("create table ")
            .append(t)
            .append(" (id bigserial primary key, name text not null, ")
            .append("created_at timestamptz not null default now());\n");
        sql.append("create index ").append(t).append("_name_idx on ").append(t).append(" (name);\n");
        sql.append("insert into ").append(t).append(" (name) values ");
        for (int r = 1; r <= 10; r++) {
            sql.append((r > 1) ? ", " : "").append("('row ").append(r).append("')");
        }
        sql.append(";\n");
        return sql.toString();
    }

    static String fileName(int i, String description) {
        return String.format("V%05d__%s.sql", i, description);
    }

    /** A directory with the small migrations {@code 1..n} (cached). */
    Path small(int n) throws IOException {
        return small(1, n, "small-" + n);
    }

    Path small(int from, int to, String name) throws IOException {
        Path dir = this.root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        for (int i = from; i <= to; i++) {
            Files.writeString(dir.resolve(fileName(i, "create_" + String.format("t%05d", i))), smallMigration(i));
        }
        return dir;
    }

    /** One migration inserting 1,000,000 rows and indexing them. */
    Path big() throws IOException {
        Path dir = this.root.resolve("big-1");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName(1, "big_table")),
                    "create table big (id bigint primary key, payload text not null);\n"
                            + "insert into big (id, payload) select g, md5(g::text) from generate_series(1, 1000000) g;\n"
                            + "create index big_payload_idx on big (payload);\n");
        }
        return dir;
    }

    /**
     * One migration of about {@code megabytes} MB: a table, then INSERT statements of 10
     * rows of ~90 characters each (about 1 KB per statement).
     */
    Path huge(int megabytes) throws IOException {
        Path dir = this.root.resolve("huge-" + megabytes + "mb");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir);
        long target = megabytes * 1024L * 1024L;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(fileName(1, "huge_data")),
                StandardCharsets.UTF_8)) {
            String head = "create table huge (id bigint primary key, payload text not null);\n";
            w.write(head);
            written += head.length();
            long id = 0;
            StringBuilder sb = new StringBuilder(2048);
            while (written < target) {
                sb.setLength(0);
                sb.append("insert into huge (id, payload) values ");
                for (int r = 0; r < 10; r++) {
                    id++;
                    sb.append((r > 0) ? ", " : "")
                        .append('(')
                        .append(id)
                        .append(", '")
                        .append("payload of row ")
                        .append(id)
                        .append(" -- some text to make each row about ninety characters long ....')");
                }
                sb.append(";\n");
                w.write(sb.toString());
                written += sb.length();
            }
        }
        return dir;
    }

    /** Creates a new empty database and returns its name. */
    String createDatabase(String purpose) throws SQLException {
        String name = "bench_" + purpose.replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + (++this.databases);
        admin("create database " + name + " template template0");
        return name;
    }

    void dropDatabase(String name) throws SQLException {
        if (!name.startsWith("bench_")) {
            throw new IllegalArgumentException(name);
        }
        admin("drop database if exists " + name + " with (force)");
    }

    /** Counts the tables in the public schema (to check that a run did its work). */
    int tables(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pg_tables where schemaname = 'public' "
                        + "and tablename ~ '^(t[0-9]+|big|huge)$'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    String serverVersion() {
        try (Connection c = DriverManager.getConnection(url("postgres"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
        catch (SQLException ex) {
            return "?";
        }
    }

    void deleteFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(this.root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
