package dev.migrator.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrator.MigrationState;
import dev.migrator.Migrator;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every condition and back-off of {@link MigratorAutoConfiguration}: what runs SQL
 * against real PostgreSQL databases, what checks wiring alone with a data source that is
 * never connected.
 */
class MigratorAutoConfigurationTests {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
        .of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, MigratorAutoConfiguration.class));

    private ApplicationContextRunner withDatabase(TestDatabase db) {
        return this.runner.withPropertyValues("spring.datasource.url=" + db.jdbcUrl());
    }

    /**
     * For tests of wiring alone: a data source that is never connected. Start-up
     * migration stays on, so a migrator that should have backed off fails the context.
     */
    private ApplicationContextRunner noDatabase() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
            .withBean(DataSource.class, NoDatabase::dataSource);
    }

    @Test
    void backsOffWithoutDataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(Migrator.class)
                .doesNotHaveBean(MigratorInitializer.class));
    }

    @Test
    void backsOffWithoutSpringJdbc() {
        noDatabase().withClassLoader(new FilteredClassLoader("org.springframework.jdbc."))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(Migrator.class)
                .doesNotHaveBean(MigratorInitializer.class)
                .doesNotHaveBean(StartupRunRecorder.class)
                .doesNotHaveBean(CachedMigrationStatus.class));
    }

    @Test
    void backsOffWhenDisabled() {
        noDatabase().withPropertyValues("migrator.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(Migrator.class)
                .doesNotHaveBean(MigratorInitializer.class));
    }

    @Test
    void migratesOnStartupBeforeJdbcTemplateAndJdbcClientUsers() {
        TestDatabase db = this.databases.create("startup");
        withDatabase(db).withUserConfiguration(JdbcClientConfiguration.class, GreetingReaders.class).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).hasSingleBean(MigratorInitializer.class);
            assertThat(context.getBean(GreetingReaders.class).seen).containsExactly("template:hello", "client:hello");
            StartupRun run = context.getBean(StartupRunRecorder.class).lastRun();
            assertThat(run.outcome()).isEqualTo(StartupRun.SUCCESS);
            assertThat(run.applied()).isEqualTo(2);
            assertThat(context.getBean(Migrator.class).status().pendingCount()).isZero();
        });
    }

    @Test
    void backsOffWhenUserDefinesMigrator() {
        noDatabase().withUserConfiguration(UserMigrator.class).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class).doesNotHaveBean(MigratorInitializer.class);
            assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean(UserMigrator.class).migrator);
            assertThat(context).hasSingleBean(CachedMigrationStatus.class).hasSingleBean(StartupRunRecorder.class);
        });
    }

    @Test
    void migrationStrategyReplacesMigrate() {
        TestDatabase db = this.databases.create("strategy");
        withDatabase(db).withUserConfiguration(ValidateOnlyStrategy.class).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ValidateOnlyStrategy.class).calls).isEqualTo(1);
            assertThat(db.tableExists("greeting")).isFalse();
            assertThat(context.getBean(StartupRunRecorder.class).lastRun().applied()).isZero();
        });
    }

    @Test
    void customizersAreAppliedInOrderAfterProperties() {
        TestDatabase db = this.databases.create("customizer");
        withDatabase(db).withPropertyValues("migrator.table=from_property")
            .withUserConfiguration(Customizers.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrator.class).getConfig().getTable()).isEqualTo("second_customizer");
                assertThat(db.tableExists("second_customizer")).isTrue();
                assertThat(db.tableExists("from_property")).isFalse();
            });
    }

    @Test
    void propertiesReachTheConfiguration() {
        TestDatabase db = this.databases.create("properties");
        withDatabase(db)
            .withPropertyValues("migrator.locations=classpath:migrations/other", "migrator.schema=audit",
                    "migrator.table=history", "migrator.out-of-order=true", "migrator.lock-retries=7",
                    "migrator.lock-wait-timeout=30s", "migrator.statement-timeout=2m")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                var config = context.getBean(Migrator.class).getConfig();
                assertThat(config.getLocations()).containsExactly("classpath:migrations/other");
                assertThat(config.getSchema()).isEqualTo("audit");
                assertThat(config.isOutOfOrder()).isTrue();
                assertThat(config.getLockRetries()).isEqualTo(7);
                assertThat(config.getLockWaitTimeout()).hasSeconds(30);
                assertThat(config.getStatementTimeout()).hasMinutes(2);
                assertThat(db.tableExists("audit.history")).isTrue();
                assertThat(db.tableExists("other_thing")).isTrue();
            });
    }

    @Test
    void migratorDataSourceIsPreferred() {
        TestDatabase app = this.databases.create("app_ds");
        TestDatabase migrations = this.databases.create("migrator_ds");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
            .withBean("appDataSource", DataSource.class, app::dataSource, (bd) -> bd.setPrimary(true))
            .withUserConfiguration(QualifiedDataSource.class)
            .withPropertyValues("qualified.url=" + migrations.jdbcUrl())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrator.class).getConfig().getDataSource())
                    .isSameAs(context.getBean("migratorDataSource"));
                assertThat(migrations.tableExists("greeting")).isTrue();
                assertThat(app.tableExists("greeting")).isFalse();
            });
    }

    @Test
    void migratorUrlMakesASeparateUnpooledDataSource() {
        TestDatabase app = this.databases.create("app_url");
        TestDatabase migrations = this.databases.create("migrator_url");
        withDatabase(app)
            .withPropertyValues("migrator.url=" + migrations.jdbcUrlWithoutCredentials(),
                    "migrator.user=" + migrations.user())
            .run((context) -> {
                assertThat(context).hasNotFailed();
                DataSource used = context.getBean(Migrator.class).getConfig().getDataSource();
                assertThat(used).isInstanceOf(SimpleDriverDataSource.class)
                    .isNotSameAs(context.getBean(DataSource.class));
                assertThat(((SimpleDriverDataSource) used).getUsername()).isEqualTo(migrations.user());
                assertThat(migrations.tableExists("greeting")).isTrue();
                assertThat(app.tableExists("greeting")).isFalse();
            });
    }

    @Test
    void migratorUrlAloneIsEnoughWithoutDataSourceBean() {
        TestDatabase migrations = this.databases.create("url_only");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
            .withPropertyValues("migrator.url=" + migrations.jdbcUrl())
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
                assertThat(migrations.tableExists("greeting")).isTrue();
            });
    }

    @Test
    void runOnStartupFalseChangesNothingButStatusWorks() {
        TestDatabase db = this.databases.create("no_run");
        withDatabase(db).withPropertyValues("migrator.run-on-startup=false").run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(MigratorInitializer.class);
            assertThat(db.tableExists("greeting")).isFalse();
            assertThat(context.getBean(StartupRunRecorder.class).lastRun().outcome()).isEqualTo(StartupRun.SKIPPED);
            assertThat(context.getBean(Migrator.class).status().count(MigrationState.PENDING)).isEqualTo(2);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class GreetingReaders implements InitializingBean {

        final List<String> seen = new ArrayList<>();

        private final JdbcTemplate template;

        private final JdbcClient client;

        GreetingReaders(JdbcTemplate template, JdbcClient client) {
            this.template = template;
            this.client = client;
        }

        @Override
        public void afterPropertiesSet() {
            this.seen.add("template:" + this.template.queryForObject("select text from greeting", String.class));
            this.seen.add("client:" + this.client.sql("select text from greeting").query(String.class).single());
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcClientConfiguration {

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UserMigrator {

        Migrator migrator;

        @Bean
        Migrator userMigrator(DataSource dataSource) {
            this.migrator = Migrator.configure().dataSource(dataSource).load();
            return this.migrator;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class ValidateOnlyStrategy {

        int calls;

        @Bean
        MigrationStrategy validateOnly() {
            return (migrator) -> {
                this.calls++;
                assertThat(migrator.validate().isValid()).isTrue();
            };
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        MigratorConfigCustomizer second() {
            return (builder) -> builder.table("second_customizer");
        }

        @Bean
        @Order(1)
        MigratorConfigCustomizer first() {
            return (builder) -> builder.table("first_customizer");
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {

        @Bean
        @MigratorDataSource
        DataSource migratorDataSource(Environment environment) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(environment.getProperty("qualified.url"));
            return dataSource;
        }

    }

}
