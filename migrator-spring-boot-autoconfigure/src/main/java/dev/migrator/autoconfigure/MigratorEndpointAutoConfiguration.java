package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.actuate.endpoint.MigrationCommands;
import dev.migrator.actuate.endpoint.MigrationsEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} Actuator endpoint ({@link MigrationsEndpoint}).
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public class MigratorEndpointAutoConfiguration {

    /** The endpoint. */
    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    public MigrationsEndpoint migrationsEndpoint(Migrator migrator, ObjectProvider<StartupRunRecorder> recorder,
            ObjectProvider<CachedMigrationStatus> cache) {
        return new MigrationsEndpoint(migrator, recorder.getIfAvailable(StartupRunRecorder::new),
                new MigrationCommands(migrator, cache.getIfAvailable()));
    }

}
