package dev.migrator.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrator.MigrationFailedException;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failing migration stops the application, and the failure analyzer says what failed
 * and what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorStartupFailureTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void failingMigrationStopsStartupWithAnalysis(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
            .properties("spring.datasource.url=" + db.jdbcUrl(), "migrator.locations=classpath:migrations/failing",
                    "spring.main.banner-mode=off")
            .run()).satisfies((ex) -> assertThat(findMigrationFailure(ex)).isNotNull());
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("A migration failed while the application was starting.")
            .contains("002_broken_insert.sql")
            .contains("Statement : 2 of 2, starting at line 4")
            .contains("SQLSTATE  : 42P01")
            .contains("no_such_table")
            .contains("Fix ");
        assertThat(db.tableExists("note")).isTrue();
    }

    private static MigrationFailedException findMigrationFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof MigrationFailedException failed) {
                return failed;
            }
        }
        return null;
    }

}
