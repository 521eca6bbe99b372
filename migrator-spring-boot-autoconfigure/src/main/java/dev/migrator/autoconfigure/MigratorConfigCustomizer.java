package dev.migrator.autoconfigure;

import dev.migrator.MigratorConfig;

/**
 * Adjusts the auto-configured {@link MigratorConfig} after the {@code migrator.*}
 * properties have been applied. Every bean of this type is called, in
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface MigratorConfigCustomizer {

    /**
     * Customizes the configuration.
     * @param builder the builder holding the settings from properties
     */
    void customize(MigratorConfig.Builder builder);

}
