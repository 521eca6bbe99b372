package dev.migrator.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationFailedException;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;
import dev.migrator.MigratorException;
import dev.migrator.ValidationFailedException;
import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Promise 5: hostile and broken input. One table of named cases; each either fails with
 * an error naming the file (or setting) and the cause with nothing applied, or is one of
 * the documented valid oddities (empty file, BOM, CRLF) that applies.
 */
class HostileInputTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    MigrationFiles files;

    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() {
        db.reset();
        this.files = new MigrationFiles(this.dir.resolve("sql"));
        this.files.file("0_base.sql", "create table base (id int);");
        config(this.files).load().migrate();
        this.logs = new ListAppender<>();
        this.logs.start();
        ((Logger) LoggerFactory.getLogger("dev.migrator")).addAppender(this.logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger("dev.migrator")).detachAppender(this.logs);
    }

    private static final Act MIGRATE = (config) -> config.load().migrate();

    static Arguments fails(String name, Arrange arrange, Class<? extends Exception> type, String... fragments) {
        return Arguments.of(name, new Case(arrange, MIGRATE, Outcome.FAILS, type, List.of(fragments)));
    }

    static Arguments fails(String name, Arrange arrange, Act act, Class<? extends Exception> type,
            String... fragments) {
        return Arguments.of(name, new Case(arrange, act, Outcome.FAILS, type, List.of(fragments)));
    }

    static Arguments outcome(String name, Arrange arrange, Outcome outcome, String... fragments) {
        return Arguments.of(name, new Case(arrange, MIGRATE, outcome, null, List.of(fragments)));
    }

    static Act configured(UnaryOperator<MigratorConfig.Builder> customize) {
        return (config) -> customize.apply(config).load().migrate();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                fails("duplicate versions 1 and 001",
                        (f) -> f.file("1_a.sql", "create table a (id int);")
                            .file("001_b.sql", "create table b (id int);"),
                        InvalidMigrationException.class, "1_a.sql", "001_b.sql"),
                fails("unparseable name", (f) -> f.file("add_users.sql", "create table users (id int);"),
                        InvalidMigrationException.class, "add_users.sql"),
                fails("version with letters", (f) -> f.file("1a_x.sql", "create table x (id int);"),
                        InvalidMigrationException.class, "1a_x.sql"),
                fails("Flyway V1_1__x.sql", (f) -> f.file("V1_1__x.sql", "create table x (id int);"),
                        InvalidMigrationException.class, "V1_1__x.sql", "rename it to V1.1__x.sql"),
                fails("upper-case .SQL suffix", (f) -> f.file("2_x.SQL", "create table x (id int);"),
                        InvalidMigrationException.class, "2_x.SQL", ".sql"),
                fails("undo script outside rollback/", (f) -> f.file("U2__x.sql", "drop table base;"),
                        InvalidMigrationException.class, "U2__x.sql", "rollback/"),
                fails("rollback script without a migration",
                        (f) -> f.file("1_a.sql", "create table a (id int);").file("rollback/5_undo.sql", "select 1;"),
                        InvalidMigrationException.class, "rollback/5_undo.sql"),
                fails("rollback/ directory not at the location root",
                        (f) -> f.file("billing/rollback/1_x.sql", "select 1;"), InvalidMigrationException.class,
                        "billing/rollback/1_x.sql"),
                fails("two repeatables with one description",
                        (f) -> f.file("R__views.sql", "create view v1 as select 1;")
                            .file("more/R__views.sql", "create view v2 as select 2;"),
                        InvalidMigrationException.class, "R__views.sql", "more/R__views.sql"),
                outcome("empty file", (f) -> f.file("1_empty.sql", ""), Outcome.NO_OP_WITH_WARNING, "1_empty.sql",
                        "no SQL statement"),
                outcome("only comments", (f) -> f.file("1_comments.sql", "-- nothing yet\n/* later */\n"),
                        Outcome.NO_OP_WITH_WARNING, "1_comments.sql", "no SQL statement"),
                outcome("byte order mark",
                        (f) -> f.bytes("1_bom.sql", concat("", bytes(0xEF, 0xBB, 0xBF), "create table bom (id int);")),
                        Outcome.APPLIES),
                outcome("CRLF line endings",
                        (f) -> f.file("1_crlf.sql", "create table crlf (id int);\r\ninsert into crlf values (1);\r\n"),
                        Outcome.APPLIES),
                fails("CRLF file: error names the right line",
                        (f) -> f.file("1_crlf.sql",
                                "create table crlf (id int);\r\n\r\ninsert into nope values (1);\r\n"),
                        MigrationFailedException.class, "1_crlf.sql", "line 3", "nope"),
                fails("invalid UTF-8",
                        (f) -> f.bytes("1_latin1.sql", concat("create table caf", bytes(0xE9), " (id int);")),
                        InvalidMigrationException.class, "1_latin1.sql", "UTF-8", "offset"),
                fails("NUL byte", (f) -> f.bytes("1_nul.sql", concat("create table n (id int);\n", bytes(0), "\n")),
                        InvalidMigrationException.class, "1_nul.sql", "NUL"),
                fails("UTF-16 file", (f) -> f.bytes("1_utf16.sql", "select 1;".getBytes(StandardCharsets.UTF_16LE)),
                        InvalidMigrationException.class, "1_utf16.sql", "NUL"),
                fails("unterminated quote",
                        (f) -> f.file("1_q.sql", "create table q (id int);\ninsert into q values ('oops);\n"),
                        InvalidMigrationException.class, "1_q.sql", "line 2", "unterminated"),
                fails("unterminated dollar quote",
                        (f) -> f.file("1_d.sql", "create function f() returns int as $body$\nselect 1;\n"),
                        InvalidMigrationException.class, "1_d.sql", "line 1", "$body$"),
                fails("unterminated block comment",
                        (f) -> f.file("1_c.sql", "create table c (id int);\n/* start\n /* nested */\n"),
                        InvalidMigrationException.class, "1_c.sql", "line 2", "comment"),
                fails("psql meta-command", (f) -> f.file("1_psql.sql", "create table p (id int);\n\\connect other\n"),
                        InvalidMigrationException.class, "1_psql.sql", "line 2", "\\connect"),
                fails("COMMIT without BEGIN",
                        (f) -> f.file("1_commit.sql", "create table c1 (id int);\ncommit;\ncreate table c2 (id int);"),
                        InvalidMigrationException.class, "1_commit.sql", "line 2", "COMMIT"),
                fails("BEGIN never committed", (f) -> f.file("1_begin.sql", "begin;\ncreate table c1 (id int);"),
                        InvalidMigrationException.class, "1_begin.sql", "line 1", "never committed"),
                fails("ROLLBACK in a migration", (f) -> f.file("1_rb.sql", "create table c1 (id int);\nrollback;"),
                        InvalidMigrationException.class, "1_rb.sql", "line 2", "ROLLBACK"),
                fails("directive typo",
                        (f) -> f.file("1_dir.sql", "-- migrator:transactoin=false\ncreate table d (id int);"),
                        InvalidMigrationException.class, "1_dir.sql", "line 1", "unknown directive"),
                fails("a later file that cannot be split stops the run before anything runs",
                        (f) -> f.file("1_good.sql", "create table good (id int);")
                            .file("2_bad.sql", "select 'unterminated;"),
                        InvalidMigrationException.class, "2_bad.sql", "unterminated"),
                fails("failing statement rolls the whole file back",
                        (f) -> f.file("1_fail.sql", "create table partial (id int);\ninsert into missing values (1);"),
                        MigrationFailedException.class, "1_fail.sql", "line 2", "42P01", "missing"),
                fails("applied file edited", (f) -> {
                    f.file("1_a.sql", "create table a (id int);");
                    migrate(f);
                    f.file("1_a.sql", "create table a (id bigint);");
                }, ValidationFailedException.class, "1_a.sql", "edited after it was applied"),
                fails("applied file deleted", (f) -> {
                    f.file("1_a.sql", "create table a (id int);");
                    migrate(f);
                    f.delete("1_a.sql").file("2_b.sql", "create table b (id int);");
                }, ValidationFailedException.class, "1_a.sql", "its file is gone", "ignoreMissing"),
                fails("file renamed to a lower version after higher ones applied", (f) -> {
                    f.file("1_a.sql", "create table a (id int);").file("5_b.sql", "create table b (id int);");
                    migrate(f);
                    f.delete("5_b.sql").file("3_b.sql", "create table b (id int);");
                }, ValidationFailedException.class, "3_b.sql", "already at version 5"),
                fails("rollback script with bad SQL", (f) -> {
                    f.file("1_a.sql", "create table a (id int);")
                        .file("rollback/1_a.sql", "drop table a;\ndrop tabel oops;");
                    migrate(f);
                }, (config) -> config.load().rollback("0"), MigrationFailedException.class, "rollback/1_a.sql",
                        "line 2", "42601"),
                fails("table name carrying SQL", (f) -> {
                }, configured((b) -> b.table("x; drop table base")), IllegalArgumentException.class, "table",
                        "plain identifier"),
                fails("table name with quotes", (f) -> {
                }, configured((b) -> b.table("a\"b")), IllegalArgumentException.class, "table", "plain identifier"),
                fails("table name of 64 characters", (f) -> {
                }, configured((b) -> b.table("t".repeat(64))), IllegalArgumentException.class, "table", "63"),
                fails("schema name carrying SQL", (f) -> {
                }, configured((b) -> b.schema("x'; drop table base; --")), IllegalArgumentException.class, "schema",
                        "plain identifier"),
                fails("location that does not exist", (f) -> {
                }, configured((b) -> b.locations("filesystem:/no/such/dir/migrations")), MigratorException.class,
                        "/no/such/dir/migrations"),
                fails("location that is a file", (f) -> f.file("plain.txt", "not a directory"),
                        (config) -> config.locations(config.build().getLocations().get(0) + "/plain.txt")
                            .load()
                            .migrate(),
                        MigratorException.class, "plain.txt", "not a directory"),
                fails("unreadable file", (f) -> {
                    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                            "running as root: file permissions do not stop root from reading, so an "
                                    + "unreadable file cannot be made");
                    f.file("1_secret.sql", "create table s (id int);");
                    Files.setPosixFilePermissions(f.root().resolve("1_secret.sql"),
                            PosixFilePermissions.fromString("---------"));
                }, InvalidMigrationException.class, "1_secret.sql", "cannot be read"),
                fails("history table created by hand with wrong columns", (f) -> {
                    db.execute("create table other_history (version bigint primary key, dirty boolean)");
                    f.file("1_a.sql", "create table a (id int);");
                }, configured((b) -> b.table("other_history")), MigratorException.class, "other_history", "columns",
                        "dirty"),
                fails("history table of a newer migrator", (f) -> {
                    db.execute("comment on table schema_migrations is 'migrator history, format 2'");
                    f.file("1_a.sql", "create table a (id int);");
                }, MigratorException.class, "schema_migrations", "format 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInput(String name, Case c) throws Exception {
        c.arrange().arrange(this.files);
        List<String> tablesBefore = tables();
        List<String> historyBefore = history();
        MigratorConfig.Builder config = config(this.files);
        Throwable thrown = catchThrowable(() -> c.act().act(config));
        switch (c.outcome()) {
            case FAILS -> {
                assertThat(thrown).as(name).isInstanceOf(c.type());
                assertThat(thrown.getMessage()).as(name).contains(c.fragments());
                System.out.printf("[reliability] hostile input '%s' -> %s: %s%n", name,
                        thrown.getClass().getSimpleName(), thrown.getMessage().lines().findFirst().orElse(""));
                assertThat(tables()).as("%s: nothing applied", name).isEqualTo(tablesBefore);
                assertThat(history()).as("%s: no completed history row added", name).isEqualTo(historyBefore);
            }
            case NO_OP_WITH_WARNING -> {
                assertThat(thrown).as(name).isNull();
                assertThat(tables()).isEqualTo(tablesBefore);
                assertThat(history()).hasSize(historyBefore.size() + 1);
                assertThat(this.logs.list).filteredOn((e) -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy((m) -> assertThat(m).contains(c.fragments()));
            }
            case APPLIES -> {
                assertThat(thrown).as(name).isNull();
                assertThat(tables()).hasSize(tablesBefore.size() + 1);
                assertThat(history()).hasSize(historyBefore.size() + 1);
            }
        }
    }

    private static void migrate(MigrationFiles f) {
        config(f).load().migrate();
    }

    private static MigratorConfig.Builder config(MigrationFiles f) {
        return Migrator.configure().dataSource(db.dataSource()).locations(f.location());
    }

    private static List<String> tables() {
        return db.column("select schemaname || '.' || tablename from pg_tables where schemaname not in "
                + "('pg_catalog', 'information_schema') order by 1");
    }

    /**
     * Completed history rows (a failed attempt appends a failed row, which applies
     * nothing).
     */
    private static List<String> history() {
        List<String> rows = new ArrayList<>();
        if (db.tableExists("schema_migrations")) {
            rows.addAll(db.column("select coalesce(version, '') || ' ' || type || ' ' || script from "
                    + "schema_migrations where status = 'completed' order by id"));
        }
        return rows;
    }

    /** Prepares the directory and database; may apply migrations first. */
    @FunctionalInterface
    interface Arrange {

        void arrange(MigrationFiles files) throws Exception;

    }

    /** What the case runs: a migrate by default, built from the configuration. */
    @FunctionalInterface
    interface Act {

        void act(MigratorConfig.Builder config) throws Exception;

    }

    enum Outcome {

        /** fails naming the file (or setting) and the cause; nothing applied */
        FAILS,
        /** a valid no-op: a warning, recorded as applied, nothing else changed */
        NO_OP_WITH_WARNING,
        /** valid input: it applies */
        APPLIES

    }

    record Case(Arrange arrange, Act act, Outcome outcome, Class<? extends Exception> type, List<String> fragments) {
    }

}
