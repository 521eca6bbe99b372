package dev.migrator.autoconfigure;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrator.Migrator;
import dev.migrator.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.actuate.endpoint.MigrationsEndpointWebExtension;
import dev.migrator.health.MigrationsHealthIndicator;
import dev.migrator.health.MigrationsReadinessGroupPostProcessor;
import dev.migrator.metrics.MigrationsMeterBinder;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of the endpoint, health and metrics auto-configurations: what reads a status
 * against real PostgreSQL databases, what checks wiring alone (including the back-offs
 * without Actuator, health or Micrometer on the class path) with a data source that is
 * never connected.
 */
class MigratorActuatorAutoConfigurationTests {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private static final AutoConfigurations MIGRATOR = AutoConfigurations.of(MigratorAutoConfiguration.class,
            MigratorEndpointAutoConfiguration.class, MigratorHealthAutoConfiguration.class,
            MigratorMetricsAutoConfiguration.class);

    private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

    private ApplicationContextRunner runner(TestDatabase db) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(MIGRATOR)
            .withPropertyValues("spring.datasource.url=" + db.jdbcUrl());
    }

    /**
     * For tests of wiring alone: a data source that is never connected, and no start-up
     * migration.
     */
    private ApplicationContextRunner noDatabase() {
        return new ApplicationContextRunner().withConfiguration(MIGRATOR)
            .withBean(DataSource.class, NoDatabase::dataSource)
            .withPropertyValues("migrator.run-on-startup=false");
    }

    @Test
    void healthIndicatorIsUpAfterStartupMigration() {
        runner(this.databases.create("health_up")).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(MigrationsHealthIndicator.class);
            assertThat(context).hasBean("migrationsHealthIndicator");
            var health = context.getBean(MigrationsHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("currentVersion", "002")
                .containsEntry("pending", 0)
                .containsEntry("failed", 0);
        });
    }

    @Test
    void healthIndicatorIsOutOfServiceWhilePending() {
        runner(this.databases.create("health_pending")).withPropertyValues("migrator.run-on-startup=false")
            .run((context) -> {
                var health = context.getBean(MigrationsHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(health.getDetails()).containsEntry("pending", 2);
            });
    }

    @Test
    void healthIndicatorCanBeDisabled() {
        noDatabase().withPropertyValues("management.health.migrations.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MigrationsHealthIndicator.class)
                .doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
    }

    @Test
    void readinessMembershipCanBeOptedOut() {
        noDatabase().run((context) -> assertThat(context).hasSingleBean(MigrationsReadinessGroupPostProcessor.class));
        noDatabase().withPropertyValues("migrator.health.readiness=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
        noDatabase().withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
    }

    @Test
    void readinessGroupIncludesMigrationsButLivenessDoesNot() {
        noDatabase()
            .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class))
            .withPropertyValues("management.endpoint.health.probes.enabled=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
                assertThat(groups.get("readiness").isMember("migrations")).isTrue();
                assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
                assertThat(groups.get("liveness").isMember("migrations")).isFalse();
                assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
            });
    }

    @Test
    void noMetricsWithoutMeterRegistry() {
        noDatabase().run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(MigrationsMeterBinder.class)
            .doesNotHaveBean("migratorMetricsCustomizer"));
    }

    @Test
    void metricsRecordStartupMigrations() {
        TestDatabase db = this.databases.create("metrics");
        runner(db).withConfiguration(METRICS).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(MigrationsMeterBinder.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer migrations = registry.get("migrator.migration")
                .tag("type", "versioned")
                .tag("outcome", "success")
                .timer();
            assertThat(migrations.count()).isEqualTo(2);
            assertThat(migrations.getId().getDescription()).isNotBlank();
            assertThat(registry.get("migrator.run").tag("command", "migrate").tag("outcome", "success").timer().count())
                .isEqualTo(1);
            assertThat(registry.get("migrator.migrations").tag("state", "applied").gauge().value()).isEqualTo(2);
            assertThat(registry.get("migrator.migrations").tag("state", "pending").gauge().value()).isZero();
            assertThat(registry.get("migrator.migrations").tag("state", "failed").gauge().value()).isZero();
            registry.getMeters()
                .stream()
                .filter((meter) -> meter.getId().getName().startsWith("migrator."))
                .forEach(
                        (meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank());
        });
    }

    @Test
    void endpointNeedsExposureAndMigrator() {
        noDatabase().run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class)
            .doesNotHaveBean(MigrationsEndpointWebExtension.class));
        new ApplicationContextRunner().withConfiguration(MIGRATOR)
            .withPropertyValues("management.endpoints.web.exposure.include=migrations")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void webExposureAddsTheWriteOperationExtension() {
        noDatabase().withPropertyValues("management.endpoints.web.exposure.include=migrations")
            .run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
                .hasSingleBean(MigrationsEndpointWebExtension.class));
    }

    @Test
    void jmxExposureAloneHasNoWriteOperationExtension() {
        noDatabase()
            .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
            .run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
                .doesNotHaveBean(MigrationsEndpointWebExtension.class));
    }

    @Test
    void backsOffWithoutActuator() {
        noDatabase().withClassLoader(new FilteredClassLoader(Endpoint.class))
            .withPropertyValues("management.endpoints.web.exposure.include=migrations")
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(Migrator.class)
                .hasSingleBean(MigrationsHealthIndicator.class)
                .doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class)
                .doesNotHaveBean(MigrationsEndpoint.class)
                .doesNotHaveBean(MigrationsEndpointWebExtension.class));
    }

    @Test
    void noHealthIndicatorWithoutSpringBootHealth() {
        noDatabase().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(Migrator.class)
                .doesNotHaveBean(MigrationsHealthIndicator.class)
                .doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
    }

    @Test
    void backsOffWithoutMicrometer() {
        noDatabase().withConfiguration(METRICS)
            .withClassLoader(new FilteredClassLoader("io.micrometer."))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(Migrator.class)
                .doesNotHaveBean(MigrationsMeterBinder.class)
                .doesNotHaveBean("migratorMetricsCustomizer"));
    }

}
