package dev.migrator.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationFailedException;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;
import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Promise 6: no password reaches a log line (any level, any logger) or an exception
 * message or cause chain, even when the password is in the JDBC URL, set on the
 * DataSource, or in the query text of a session that blocks a migration.
 */
class SecretsTests {

    private static final String PASSWORD = "s3cr3t-Pa55";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    MigrationFiles files;

    ListAppender<ILoggingEvent> logs;

    Level rootLevel;

    PrintStream out;

    PrintStream err;

    ByteArrayOutputStream console;

    @BeforeEach
    void capture() {
        db.reset();
        this.files = new MigrationFiles(this.dir.resolve("sql"));
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        this.rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("dev.migrator")).setLevel(Level.TRACE);
        this.logs = new ListAppender<>();
        this.logs.start();
        root.addAppender(this.logs);
        this.out = System.out;
        this.err = System.err;
        this.console = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(this.console, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void restore() {
        System.setOut(this.out);
        System.setErr(this.err);
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this.logs);
        root.setLevel(this.rootLevel);
        ((Logger) LoggerFactory.getLogger("dev.migrator")).setLevel(null);
    }

    private MigratorConfig.Builder config(DataSource dataSource) {
        return Migrator.configure().dataSource(dataSource).locations(this.files.location());
    }

    @Test
    void connectionFailureWithPasswordOnTheDataSourceAndInTheUrl() {
        this.files.file("1_a.sql", "create table a (id int);");
        PGSimpleDataSource onDataSource = new PGSimpleDataSource();
        onDataSource.setServerNames(new String[] { "127.0.0.1" });
        onDataSource.setPortNumbers(new int[] { 1 });
        onDataSource.setDatabaseName(db.name());
        onDataSource.setUser("postgres");
        onDataSource.setPassword(PASSWORD);
        Throwable first = catchThrowable(() -> config(onDataSource).load().migrate());
        PGSimpleDataSource inUrl = new PGSimpleDataSource();
        inUrl.setURL("jdbc:postgresql://127.0.0.1:1/" + db.name() + "?user=postgres&password=" + PASSWORD);
        Throwable second = catchThrowable(() -> config(inUrl).load().migrate());
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertNoSecret(first, second);
    }

    @Test
    void failingMigrationOverAConnectionWithAPassword() {
        // trust authentication accepts any password: the connection works, the migration
        // fails
        this.files.file("1_a.sql", "create table a (id int);").file("2_b.sql", "insert into nope values (1);");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.jdbcUrlWithoutCredentials() + "?user=" + db.user() + "&password=" + PASSWORD);
        Throwable thrown = catchThrowable(() -> config(dataSource).load().migrate());
        assertThat(thrown).isInstanceOf(MigrationFailedException.class);
        assertThat(db.column("select status from schema_migrations order by id")).containsExactly("completed",
                "failed");
        assertNoSecret(thrown);
        assertThat(db.column("select coalesce(error_message, '') from schema_migrations"))
            .noneMatch((m) -> m.contains(PASSWORD));
    }

    @Test
    void blockingSessionWhoseQueryCarriesAPassword() throws Exception {
        db.execute("create table busy (id int)");
        this.files.file("1_alter.sql", "alter table busy add column note text;");
        String role = "mr_secret_" + UUID.randomUUID().toString().substring(0, 8);
        Throwable thrown;
        try (Connection blocker = db.connection()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table busy in access exclusive mode");
                st.execute("create role " + role + " login password '" + PASSWORD + "'");
            }
            thrown = catchThrowable(
                    () -> config(db.dataSource()).lockTimeout(Duration.ofMillis(100)).lockRetries(1).load().migrate());
            blocker.rollback();
        }
        assertThat(thrown).isInstanceOf(MigrationFailedException.class)
            .hasMessageContaining("blocked by pid")
            .hasMessageContaining("create role " + role + " login password '****'");
        assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy((m) -> assertThat(m).contains("retry 1 of 1", "blocked by pid"));
        assertNoSecret(thrown);
        assertThat(db.column("select coalesce(error_message, '') from schema_migrations"))
            .noneMatch((m) -> m.contains(PASSWORD));
    }

    private void assertNoSecret(Throwable... thrown) {
        List<String> texts = new ArrayList<>();
        for (Throwable t : thrown) {
            collect(t, texts);
        }
        for (ILoggingEvent event : this.logs.list) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(event.getThrowableProxy().getMessage());
            }
        }
        texts.add(this.console.toString(StandardCharsets.UTF_8));
        assertThat(texts).isNotEmpty().allSatisfy((text) -> assertThat(String.valueOf(text)).doesNotContain(PASSWORD));
    }

    private static void collect(Throwable t, List<String> texts) {
        if (t == null) {
            return;
        }
        texts.add(t.toString());
        texts.add(String.valueOf(t.getMessage()));
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        for (Throwable s : t.getSuppressed()) {
            collect(s, texts);
        }
        if (t.getCause() != t) {
            collect(t.getCause(), texts);
        }
    }

}
