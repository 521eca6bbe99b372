package dev.migrator.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migrator.Migrator;
import dev.migrator.actuate.endpoint.MigrationCommands;
import dev.migrator.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.actuate.endpoint.MigrationsEndpointWebExtension;

/**
 * Auto-configuration of the {@code migrations} Actuator endpoint
 * ({@link MigrationsEndpoint}, read operations, over HTTP and JMX) and of its web
 * extension ({@link MigrationsEndpointWebExtension}, the write operation, over HTTP
 * only).
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public class MigratorEndpointAutoConfiguration {

    /** The endpoint. */
    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    public MigrationsEndpoint migrationsEndpoint(Migrator migrator, ObjectProvider<StartupRunRecorder> recorder) {
        return new MigrationsEndpoint(migrator, recorder.getIfAvailable(StartupRunRecorder::new));
    }

    /** The write operation, when the endpoint is exposed over HTTP. */
    @Bean
    @ConditionalOnBean({ Migrator.class, MigrationsEndpoint.class })
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
    public MigrationsEndpointWebExtension migrationsEndpointWebExtension(Migrator migrator,
            ObjectProvider<CachedMigrationStatus> cache) {
        return new MigrationsEndpointWebExtension(new MigrationCommands(migrator, cache.getIfAvailable()));
    }

}
