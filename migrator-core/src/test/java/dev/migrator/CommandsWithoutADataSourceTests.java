package dev.migrator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrator.test.MigrationFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every command that touches the database fails at once, naming the setting, when no
 * DataSource is configured.
 */
class CommandsWithoutADataSourceTests {

    @TempDir
    Path dir;

    static Stream<Arguments> databaseCommands() {
        return Stream.of(Arguments.of("migrate", (Consumer<Migrator>) Migrator::migrate),
                Arguments.of("status", (Consumer<Migrator>) Migrator::status),
                Arguments.of("validate", (Consumer<Migrator>) Migrator::validate),
                Arguments.of("rollback", (Consumer<Migrator>) Migrator::rollbackAll),
                Arguments.of("baseline", (Consumer<Migrator>) (m) -> m.baseline("1", null)),
                Arguments.of("repair", (Consumer<Migrator>) Migrator::repair),
                Arguments.of("dry-run", (Consumer<Migrator>) Migrator::dryRun),
                Arguments.of("history", (Consumer<Migrator>) (m) -> m.history("1")));
    }

    private Migrator migrator(MigrationListener listener) {
        String location = new MigrationFiles(this.dir).file("1_a.sql", "create table a (id int);").location();
        return Migrator.configure().locations(location).listener(listener).load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseCommands")
    void failsNamingTheDataSourceSettingAndTheFix(String command, Consumer<Migrator> run) {
        Migrator migrator = migrator(new MigrationListener() {
        });
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> run.accept(migrator))
            .withMessageStartingWith("dataSource: " + command + " needs a database")
            .withMessageContaining("Fix: set one");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databaseCommands")
    void failsBeforeAnyListenerHearsOfARun(String command, Consumer<Migrator> run) {
        List<String> heard = new ArrayList<>();
        Migrator migrator = migrator(new MigrationListener() {

            @Override
            public void runStarted(Command name) {
                heard.add("started " + name);
            }

            @Override
            public void runFinished(Command name, Duration duration, Throwable failure) {
                heard.add("finished " + name);
            }
        });
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> run.accept(migrator));
        assertThat(heard).isEmpty();
    }

}
