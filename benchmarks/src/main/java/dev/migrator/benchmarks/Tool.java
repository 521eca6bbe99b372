package dev.migrator.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrator.MigrateResult;
import dev.migrator.Migrator;

/**
 * The three contenders, each doing a whole start-up: configure, connect, do the work,
 * close. Every call builds its tool from scratch (no state kept between runs), with an
 * unpooled data source, as an application start does.
 */
enum Tool {

    /**
     * The physical limit: one connection, each file sent whole as one simple query, in
     * file name order.
     */
    RAW("raw JDBC") {
        @Override
        int migrate(String url, Path dir) throws SQLException {
            List<Path> files = files(dir);
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (Path file : files) {
                    st.execute(read(file));
                }
            }
            return files.size();
        }

        /** Raw floor of a start-up with nothing to do: connect and one query. */
        @Override
        void noop(String url, Path dir) throws SQLException {
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select 1")) {
                rs.next();
            }
        }

        @Override
        void validate(String url, Path dir) throws SQLException {
            noop(url, dir);
        }

        @Override
        void status(String url, Path dir) throws SQLException {
            noop(url, dir);
        }
    },

    MIGRATOR("migrator") {
        @Override
        int migrate(String url, Path dir) {
            MigrateResult result = migrator(url, dir).migrate();
            return result.applied().size();
        }

        @Override
        void noop(String url, Path dir) {
            int applied = migrate(url, dir);
            if (applied != 0) {
                throw new IllegalStateException("noop run applied " + applied + " migrations");
            }
        }

        @Override
        void validate(String url, Path dir) {
            if (!migrator(url, dir).validate().isValid()) {
                throw new IllegalStateException("validate failed");
            }
        }

        @Override
        void status(String url, Path dir) {
            migrator(url, dir).status();
        }

        private Migrator migrator(String url, Path dir) {
            return Migrator.configure().dataSource(dataSource(url)).locations("filesystem:" + dir).load();
        }
    },

    FLYWAY("Flyway") {
        @Override
        int migrate(String url, Path dir) {
            return flyway(url, dir).migrate().migrationsExecuted;
        }

        @Override
        void noop(String url, Path dir) {
            int applied = migrate(url, dir);
            if (applied != 0) {
                throw new IllegalStateException("noop run applied " + applied + " migrations");
            }
        }

        @Override
        void validate(String url, Path dir) {
            flyway(url, dir).validate();
        }

        @Override
        void status(String url, Path dir) {
            flyway(url, dir).info().all();
        }

        private Flyway flyway(String url, Path dir) {
            return Flyway.configure()
                .dataSource(dataSource(url))
                .locations("filesystem:" + dir)
                .loggers("slf4j")
                .load();
        }
    };

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    String label() {
        return this.label;
    }

    /** Applies every pending migration in {@code dir}; returns how many were applied. */
    abstract int migrate(String url, Path dir) throws Exception;

    /**
     * A start-up with nothing to do ({@code migrate}); for raw JDBC the floor: connect
     * and one query.
     */
    abstract void noop(String url, Path dir) throws Exception;

    /** {@code validate} (raw: the floor). */
    abstract void validate(String url, Path dir) throws Exception;

    /** {@code status} / Flyway's {@code info} (raw: the floor). */
    abstract void status(String url, Path dir) throws Exception;

    /**
     * Connects and reads every row of migrator's history table, in order, with raw JDBC:
     * the least a migration tool does on a start with nothing to do.
     */
    static int readHistory(String url) throws SQLException {
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from schema_migrations order by id")) {
            while (rs.next()) {
                rs.getString("version");
                rs.getString("checksum");
                rows++;
            }
        }
        return rows;
    }

    static DataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        return ds;
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter((p) -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Tool parse(String name) {
        return switch (name.toLowerCase()) {
            case "raw" -> RAW;
            case "migrator" -> MIGRATOR;
            case "flyway" -> FLYWAY;
            default -> throw new IllegalArgumentException("unknown tool " + name + " (raw, migrator, flyway)");
        };
    }

}
