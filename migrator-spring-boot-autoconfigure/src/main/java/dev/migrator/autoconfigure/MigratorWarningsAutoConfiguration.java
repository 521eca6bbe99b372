package dev.migrator.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.migrator.Migrator;

/**
 * Auto-configuration of {@link MigratorStartupWarnings}. Active whether migrator is
 * enabled or not, so it can warn about migration files that a disabled migrator ignores.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
public class MigratorWarningsAutoConfiguration {

    /** The start-up warnings check. */
    @Bean
    public static MigratorStartupWarnings migratorStartupWarnings(ConfigurableListableBeanFactory beanFactory,
            Environment environment, ApplicationContext resources) {
        return new MigratorStartupWarnings(beanFactory, environment, resources);
    }

}
