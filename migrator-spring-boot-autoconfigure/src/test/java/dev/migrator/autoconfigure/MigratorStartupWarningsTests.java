package dev.migrator.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warnings of {@link MigratorStartupWarnings}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigratorStartupWarningsTests {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private ApplicationContextRunner runner(TestDatabase db) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
                    MigratorWarningsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.jdbcUrl());
    }

    @Test
    void warnsWhenMigrationFilesExistButMigratorIsDisabled(CapturedOutput output) {
        runner(this.databases.create("warn_disabled")).withPropertyValues("migrator.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).contains("migration file(s) under classpath:db/migration but migrator is disabled");
    }

    @Test
    void warnsWhenAnotherMigrationToolMigratesToo() {
        runner(this.databases.create("warn_other")).withBean(OtherMigrationTool.class, OtherMigrationTool::new)
            .run((context) -> {
                MigratorStartupWarnings warnings = new MigratorStartupWarnings(
                        context.getSourceApplicationContext().getBeanFactory(), context.getEnvironment(), context,
                        Map.of(OtherMigrationTool.class.getName(), "OtherTool"));
                assertThat(warnings.warnings()).containsExactly("OtherTool is auto-configured as well as migrator: "
                        + "both will migrate the same database. Remove OtherTool from the classpath or disable one "
                        + "of them.");
            });
    }

    @Test
    void flywayAndLiquibaseAreTheOtherToolsLookedFor() {
        assertThat(MigratorStartupWarnings.OTHER_TOOLS).containsOnly(Map.entry("org.flywaydb.core.Flyway", "Flyway"),
                Map.entry("liquibase.integration.spring.SpringLiquibase", "Liquibase"));
    }

    @Test
    void quietWhenAllIsWell(CapturedOutput output) {
        runner(this.databases.create("warn_none")).run((context) -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("migrator is disabled").doesNotContain("as well as migrator");
    }

    /**
     * Stands in for a migration tool's bean (the project keeps Flyway out of everything
     * but the benchmarks).
     */
    static class OtherMigrationTool {

    }

}
