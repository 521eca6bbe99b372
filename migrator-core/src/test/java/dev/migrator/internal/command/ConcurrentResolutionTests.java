package dev.migrator.internal.command;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationInfo;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.ValidateResult;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Commands resolve the files on a thread of their own while connecting and reading the
 * history: against a real database, every outcome must be the one of resolving first on
 * the caller's thread.
 */
class ConcurrentResolutionTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        db.reset();
    }

    private Migrator migrator() {
        return Migrator.configure().dataSource(db.dataSource()).locations(location()).load();
    }

    private String location() {
        return "filesystem:" + this.dir;
    }

    @Test
    void invalidFilesFailEveryFileCommandWithTheExceptionOfASequentialResolution() throws IOException {
        write("V1__a.sql", "create table a (id int);");
        write("V1__b.sql", "create table b (id int);");
        write("V2__c.sql", "select\u00001;");
        String expected = sequentialFailure().getMessage();
        assertThat(expected).contains("Version 1 is used by 2 files").contains("NUL");
        List<Function<Migrator, Object>> commands = List.of(Migrator::migrate, Migrator::status, Migrator::rollbackAll,
                Migrator::repair, Migrator::dryRun, Migrator::files);
        for (Function<Migrator, Object> command : commands) {
            Throwable thrown = catchThrowable(() -> command.apply(migrator()));
            assertThat(thrown).isExactlyInstanceOf(InvalidMigrationException.class).hasMessage(expected);
            assertThat(thrown.getSuppressed()).isEmpty();
        }
        ValidateResult validate = migrator().validate();
        assertThat(validate.problems()).singleElement().satisfies((p) -> {
            assertThat(p.kind()).isEqualTo(ValidateResult.Kind.INVALID_FILES);
            assertThat(p.message()).isEqualTo(expected);
        });
        // as when the files were resolved before the history was touched: nothing was
        // created
        assertThat(db.tableExists("schema_migrations")).isFalse();
        assertNoResolutionRunning();
    }

    @Test
    void aNoOpStartSeesTheSameFilesAsASequentialResolution() throws IOException {
        for (int i = 1; i <= 150; i++) {
            write(String.format("V%03d__t%d.sql", i, i), "create table t" + i + " (id int);\n");
        }
        write("R__v.sql", "create view v as select 1;");
        assertThat(migrator().migrate().applied()).hasSize(151);
        List<ResolvedMigration> sequential = new MigrationResolver(List.of(location()), null).resolve();
        int before = FileResolution.started();
        assertThat(migrator().migrate().applied()).isEmpty();
        List<MigrationInfo> status = migrator().status().migrations();
        assertThat(migrator().validate().isValid()).isTrue();
        assertThat(FileResolution.started() - before).isEqualTo(3);
        assertThat(status).extracting(MigrationInfo::script)
            .containsExactlyElementsOf(sequential.stream().map(ResolvedMigration::script).toList());
        assertThat(status).extracting(MigrationInfo::checksum)
            .containsExactlyElementsOf(sequential.stream().map(ResolvedMigration::checksum).toList());
        assertNoResolutionRunning();
    }

    @Test
    void connectionFailureComesFirstForCommandsThatConnectedBeforeResolvingWithTheFilesProblemSuppressed()
            throws IOException {
        write("V1__a.sql", "select\u00001;");
        Migrator unreachable = Migrator.configure().dataSource(unreachable()).locations(location()).load();
        Throwable thrown = catchThrowable(unreachable::migrate);
        assertThat(thrown).isExactlyInstanceOf(MigratorException.class)
            .hasMessageStartingWith("Database error during migrate:");
        assertThat(thrown.getSuppressed()).singleElement()
            .isInstanceOf(InvalidMigrationException.class)
            .satisfies((s) -> assertThat(s).hasMessage(sequentialFailure().getMessage()));
        assertNoResolutionRunning();
    }

    @Test
    void filesProblemComesFirstForStatusWhichResolvedBeforeConnectingWithTheConnectionFailureSuppressed()
            throws IOException {
        write("V1__a.sql", "select\u00001;");
        Migrator unreachable = Migrator.configure().dataSource(unreachable()).locations(location()).load();
        Throwable thrown = catchThrowable(unreachable::status);
        assertThat(thrown).isExactlyInstanceOf(InvalidMigrationException.class)
            .hasMessage(sequentialFailure().getMessage());
        assertThat(thrown.getSuppressed()).singleElement()
            .isInstanceOf(MigratorException.class)
            .satisfies((s) -> assertThat(s).hasMessageStartingWith("Database error during status:"));
    }

    @Test
    void connectionFailureAloneIsReportedAsBefore() throws IOException {
        write("V1__a.sql", "select 1;");
        Migrator unreachable = Migrator.configure().dataSource(unreachable()).locations(location()).load();
        Map<String, Throwable> failures = Map.of("migrate", catchThrowable(unreachable::migrate), "status",
                catchThrowable(unreachable::status), "validate", catchThrowable(unreachable::validate));
        failures.forEach((command, thrown) -> {
            assertThat(thrown).isExactlyInstanceOf(MigratorException.class)
                .hasMessageStartingWith("Database error during " + command + ":");
            assertThat(thrown.getSuppressed()).isEmpty();
        });
    }

    @Test
    void filesProblemComesBeforeAForeignHistoryTableAsWhenResolvedFirst() throws IOException {
        db.execute("create table schema_migrations (version bigint primary key, dirty boolean not null)");
        write("V1__a.sql", "select\u00001;");
        Throwable thrown = catchThrowable(migrator()::migrate);
        assertThat(thrown).isExactlyInstanceOf(InvalidMigrationException.class)
            .hasMessage(sequentialFailure().getMessage());
        assertThat(thrown.getSuppressed()).singleElement()
            .isInstanceOf(MigratorException.class)
            .satisfies((s) -> assertThat(s).hasMessageContaining("is not a migrator history table"));
        assertThat(migrator().validate().problems()).singleElement()
            .satisfies((p) -> assertThat(p.kind()).isEqualTo(ValidateResult.Kind.INVALID_FILES));
        write("V1__a.sql", "select 1;");
        Throwable foreign = catchThrowable(migrator()::migrate);
        assertThat(foreign).isExactlyInstanceOf(MigratorException.class)
            .hasMessageContaining("is not a migrator history table");
        assertThat(foreign.getSuppressed()).isEmpty();
    }

    @Test
    void commandsWithoutFilesStartNoResolution() throws IOException {
        write("V1__a.sql", "select\u00001;"); // would fail resolution
        int before = FileResolution.started();
        migrator().baseline("5", "before migrator");
        assertThat(migrator().history("5")).hasSize(1);
        assertThat(FileResolution.started()).isEqualTo(before);
    }

    private InvalidMigrationException sequentialFailure() {
        Throwable thrown = catchThrowable(() -> new MigrationResolver(List.of(location()), null).resolve());
        assertThat(thrown).isInstanceOf(InvalidMigrationException.class);
        return (InvalidMigrationException) thrown;
    }

    /** A data source for a port nothing listens on: connecting fails at once. */
    private static PGSimpleDataSource unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:" + port + "/none?user=postgres&connectTimeout=5");
        return dataSource;
    }

    private static void assertNoResolutionRunning() {
        assertThat(FileResolution.running()).isZero();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(this.dir.resolve(name), content, StandardCharsets.UTF_8);
    }

}
