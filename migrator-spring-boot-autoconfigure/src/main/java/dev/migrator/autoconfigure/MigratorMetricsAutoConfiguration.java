package dev.migrator.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.migrator.Migrator;
import dev.migrator.metrics.MigrationsMeterBinder;
import dev.migrator.metrics.MigratorMetricsListener;

/**
 * Auto-configuration of migrator's Micrometer meters, active only when a
 * {@link MeterRegistry} bean exists. The {@link MigratorMetricsListener} joins the
 * auto-configured migrator through a {@link MigratorConfigCustomizer}.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, MigratorAutoConfiguration.class })
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean({ Migrator.class, MeterRegistry.class })
public class MigratorMetricsAutoConfiguration {

    /** Adds the metrics listener to the auto-configured migrator. */
    @Bean
    public MigratorConfigCustomizer migratorMetricsCustomizer(ObjectProvider<MeterRegistry> registry) {
        return (builder) -> builder.listener(new MigratorMetricsListener(registry.getObject()));
    }

    /** The {@code migrator.migrations} gauges. */
    @Bean
    @ConditionalOnBean(CachedMigrationStatus.class)
    public MigrationsMeterBinder migrationsMeterBinder(CachedMigrationStatus status) {
        return new MigrationsMeterBinder(status);
    }

}
