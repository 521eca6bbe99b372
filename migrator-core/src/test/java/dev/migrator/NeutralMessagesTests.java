package dev.migrator;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's messages name settings by their builder names; front ends translate them (the
 * Spring module into {@code migrator.*} properties). No string literal of core's sources
 * holds a Spring property key.
 */
class NeutralMessagesTests {

    /** A string literal: quote, then escaped or plain characters, then quote. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    /**
     * {@code migrator.} followed by a property name, e.g.
     * {@code migrator.lock-wait-timeout}.
     */
    private static final Pattern PROPERTY_KEY = Pattern.compile("\\bmigrator\\.[a-z]");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void noStringLiteralInCoreNamesASpringProperty() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(sources)) {
            for (Path file : paths.filter((p) -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = STRING_LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        if (PROPERTY_KEY.matcher(literal.group()).find()) {
                            found.add(sources.relativize(file) + ":" + (i + 1) + " " + literal.group());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void lockWaitTimeoutNamesItsSettingByTheBuilderName() {
        MigratorException ex = new LockWaitTimeoutException("Gave up waiting; raise lockWaitTimeout.");
        assertThat(ex.getSetting()).isEqualTo(Setting.LOCK_WAIT_TIMEOUT);
        assertThat(ex.getSetting().builderName()).isEqualTo("lockWaitTimeout");
    }

    @Test
    void missingSchemaWithCreateSchemaOffCarriesTheSetting() {
        this.files.file("1_a.sql", "select 1;");
        Throwable thrown = Assertions
            .catchThrowable(() -> this.files.config().schema("nowhere").createSchema(false).load().migrate());
        assertThat(thrown).isInstanceOf(MigratorException.class)
            .hasMessageContaining("createSchema")
            .hasMessageNotContaining("migrator.");
        assertThat(((MigratorException) thrown).getSetting()).isEqualTo(Setting.CREATE_SCHEMA);
    }

    @Test
    void foreignHistoryTableCarriesTheTableSetting() {
        db.execute("create table schema_migrations (x int)");
        this.files.file("1_a.sql", "select 1;");
        Throwable thrown = Assertions.catchThrowable(() -> this.files.migrator().migrate());
        assertThat(thrown).isInstanceOf(MigratorException.class)
            .hasMessageContaining("'table' setting")
            .hasMessageNotContaining("migrator.");
        assertThat(((MigratorException) thrown).getSetting()).isEqualTo(Setting.TABLE);
    }

    @Test
    void everySettingHasTheNameOfABuilderMethod() {
        for (Setting setting : Setting.values()) {
            assertThat(Stream.of(MigratorConfig.Builder.class.getMethods()).map(Method::getName))
                .as("%s names a builder method", setting)
                .contains(setting.builderName());
        }
    }

}
