package dev.migrator.autoconfigure;

import dev.migrator.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.health.MigrationsHealthIndicator;
import dev.migrator.health.MigrationsReadinessGroupPostProcessor;
import dev.migrator.metrics.MigrationsMeterBinder;
import dev.migrator.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of the endpoint, health and metrics auto-configurations.
 */
class MigratorActuatorAutoConfigurationTests {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private ApplicationContextRunner runner(TestDatabase db) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigratorAutoConfiguration.class, MigratorEndpointAutoConfiguration.class,
                    MigratorHealthAutoConfiguration.class, MigratorMetricsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.jdbcUrl());
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
        runner(this.databases.create("health_off")).withPropertyValues("management.health.migrations.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MigrationsHealthIndicator.class)
                .doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
    }

    @Test
    void readinessMembershipCanBeOptedOut() {
        TestDatabase db = this.databases.create("readiness");
        runner(db).run((context) -> assertThat(context).hasSingleBean(MigrationsReadinessGroupPostProcessor.class));
        runner(db).withPropertyValues("migrator.health.readiness=false")
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
        runner(db).withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationsReadinessGroupPostProcessor.class));
    }

    @Test
    void readinessGroupIncludesMigrationsButLivenessDoesNot() {
        TestDatabase db = this.databases.create("probes");
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigratorAutoConfiguration.class, MigratorHealthAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class,
                    org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration.class,
                    org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "management.endpoint.health.probes.enabled=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                var groups = context.getBean(org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups.class);
                assertThat(groups.get("readiness").isMember("migrations")).isTrue();
                assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
                assertThat(groups.get("liveness").isMember("migrations")).isFalse();
                assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
            });
    }

    @Test
    void noMetricsWithoutMeterRegistry() {
        runner(this.databases.create("no_metrics")).run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(MigrationsMeterBinder.class)
            .doesNotHaveBean("migratorMetricsCustomizer"));
    }

    @Test
    void metricsRecordStartupMigrations() {
        TestDatabase db = this.databases.create("metrics");
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    MigratorAutoConfiguration.class, MigratorMetricsAutoConfiguration.class,
                    MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + db.jdbcUrl())
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(MigrationsMeterBinder.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                Timer migrations = registry.get("migrator.migration")
                    .tag("type", "versioned")
                    .tag("outcome", "success")
                    .timer();
                assertThat(migrations.count()).isEqualTo(2);
                assertThat(migrations.getId().getDescription()).isNotBlank();
                assertThat(registry.get("migrator.run").tag("command", "migrate").tag("outcome", "success").timer()
                    .count()).isEqualTo(1);
                assertThat(registry.get("migrator.migrations").tag("state", "applied").gauge().value()).isEqualTo(2);
                assertThat(registry.get("migrator.migrations").tag("state", "pending").gauge().value()).isZero();
                assertThat(registry.get("migrator.migrations").tag("state", "failed").gauge().value()).isZero();
                registry.getMeters().stream()
                    .filter((meter) -> meter.getId().getName().startsWith("migrator."))
                    .forEach((meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName())
                        .isNotBlank());
            });
    }

    @Test
    void endpointNeedsExposureAndMigrator() {
        TestDatabase db = this.databases.create("endpoint");
        runner(db).run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
        runner(db).withPropertyValues("management.endpoints.web.exposure.include=migrations")
            .run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=migrations")
            .run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
    }

}
