package dev.migrator;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One type per concept in the public API: {@link Duration} for durations,
 * {@link MigrationVersion} for versions, with {@code String} overloads where a user types
 * a version.
 */
class PublicTypesTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void everyDurationInAPublicRecordIsADuration() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (RecordComponent component : publicRecordComponents()) {
            String name = component.getName().toLowerCase(Locale.ROOT);
            if ((name.contains("duration") || component.getName().endsWith("Ms"))
                    && component.getType() != Duration.class) {
                wrong.add(describe(component));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyVersionInAPublicRecordIsAMigrationVersion() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (RecordComponent component : publicRecordComponents()) {
            String name = component.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith("version") && component.getType() != MigrationVersion.class) {
                wrong.add(describe(component));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aVersionTypedAsTextMustBeAVersionAndTheErrorNamesTheParameter() {
        Migrator migrator = this.files.migrator();
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.rollback("v2"))
            .withMessageStartingWith("target: 'v2' is not a migration version");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.baseline("two", null))
            .withMessageStartingWith("version: 'two' is not a migration version");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> migrator.history("1-0"))
            .withMessageStartingWith("version: '1-0' is not a migration version");
    }

    @Test
    void historyOfAVersionMatchesAnyEqualSpelling() {
        this.files.file("001_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        assertThat(this.files.migrator().history(MigrationVersion.parse("1.0"))).extracting(HistoryEntry::script)
            .containsExactly("001_a.sql");
    }

    @Test
    void rollbackAndBaselineTakeAVersion() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("rollback/2_drop_b.sql", "drop table b;");
        this.files.migrator().migrate();
        RollbackResult result = this.files.migrator().rollback(MigrationVersion.parse("1"));
        assertThat(result.rolledBack()).extracting(ExecutedMigration::version)
            .containsExactly(MigrationVersion.parse("2"));
        assertThat(result.currentVersion()).isEqualTo(MigrationVersion.parse("1"));
    }

    @Test
    void aRunsDurationsAreTheRecordedOnesOrLonger() {
        this.files.file("1_slow.sql", "select pg_sleep(0.2);");
        MigrateResult result = this.files.migrator().migrate();
        Duration recorded = this.files.migrator().status().migrations().get(0).duration();
        assertThat(recorded).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(result.applied().get(0).duration()).isGreaterThanOrEqualTo(recorded);
        assertThat(result.duration()).isGreaterThanOrEqualTo(result.applied().get(0).duration());
    }

    /**
     * The components of every public record in {@code dev.migrator}, nested ones
     * included, but {@link HistoryEntry}: it mirrors the history table's columns, and
     * changes with the table's format.
     */
    private static List<RecordComponent> publicRecordComponents()
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Migrator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/migrator");
        List<RecordComponent> components = new ArrayList<>();
        try (Stream<Path> paths = Files.list(classes)) {
            for (Path path : paths.filter((p) -> p.toString().endsWith(".class")).toList()) {
                String name = path.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.migrator." + name);
                if (type.isRecord() && Modifier.isPublic(type.getModifiers()) && type != HistoryEntry.class) {
                    components.addAll(List.of(type.getRecordComponents()));
                }
            }
        }
        assertThat(components).extracting(RecordComponent::getName).contains("duration", "version");
        return components;
    }

    private static String describe(RecordComponent component) {
        return component.getDeclaringRecord().getName() + "." + component.getName() + ": "
                + component.getType().getSimpleName();
    }

}
