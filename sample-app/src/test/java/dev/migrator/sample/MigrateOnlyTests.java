package dev.migrator.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@value MigrateOnly#PROFILE} profile (the Kubernetes Job's mode): the application
 * migrates, starts no web server and exits; its exit code says whether the database is at
 * the application's version.
 */
class MigrateOnlyTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void mainMigratesAndExitsWithZero(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                SampleApplication.class.getName(), "--spring.profiles.active=" + MigrateOnly.PROFILE,
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The migrate-only run did not exit within 3 minutes:\n" + tail(output));
        }
        assertThat(process.exitValue()).as("exit code; output:%n%s", tail(output)).isZero();
        String log = Files.readString(output);
        assertThat(log).contains("Migrate-only: the database is at version 005; exiting")
            .doesNotContain("Tomcat started");
        assertThat(db.column("select script from schema_migrations where status = 'completed' order by id"))
            .containsExactly("001_create_athletes.sql", "002_create_audit_log.sql", "003_add_athlete_preferences.sql",
                    "004_maintain_updated_at.sql", "005_index_training_goal_athlete.sql",
                    "R__athlete_progress_view.sql");
    }

    @Test
    void exitCodeIsOneWhenMigrationsAreStillPending() throws Exception {
        TestDatabase other = new TestDatabase().create("migrate_only_pending");
        try {
            SpringApplication application = new SpringApplication(SampleApplication.class);
            try (ConfigurableApplicationContext context = application.run(
                    "--spring.profiles.active=" + MigrateOnly.PROFILE, "--migrator.run-on-startup=false",
                    "--spring.datasource.url=" + other.jdbcUrl(), "--spring.datasource.username=" + other.user())) {
                assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
                assertThat(SpringApplication.exit(context)).isEqualTo(1);
            }
            assertThat(other.tableExists("athlete")).isFalse();
        }
        finally {
            other.drop();
        }
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String tail(Path output) throws Exception {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

}
