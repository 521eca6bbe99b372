package dev.migrator.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;

import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;

/**
 * Auto-configuration for migrator: a {@link Migrator} built from {@code migrator.*}
 * properties and {@link MigratorConfigCustomizer} beans, and a
 * {@link MigratorInitializer} that migrates during start-up before anything that depends
 * on database initialization. Backs off when the application defines its own
 * {@link Migrator}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, DataSourceBuilder.class, SimpleDriverDataSource.class })
@Conditional(MigratorAutoConfiguration.MigratorDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class MigratorAutoConfiguration {

    /** Records this instance's start-up run for the endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public StartupRunRecorder migratorStartupRunRecorder() {
        return new StartupRunRecorder();
    }

    /** The status cache shared by the health indicator and the gauges. */
    @Bean
    @ConditionalOnMissingBean
    public CachedMigrationStatus cachedMigrationStatus(Migrator migrator, MigratorProperties properties) {
        return new CachedMigrationStatus(migrator, properties.getHealth().getCacheTtl());
    }

    /**
     * The migrator and its start-up initializer, unless the application defines its own
     * migrator.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Migrator.class)
    public static class MigratorConfiguration {

        /**
         * Creates the migrator from properties, the chosen data source and customizers.
         */
        @Bean
        public Migrator migrator(MigratorProperties properties, ResourceLoader resourceLoader,
                ObjectProvider<DataSource> dataSource,
                @MigratorDataSource ObjectProvider<DataSource> migratorDataSource,
                ObjectProvider<MigratorConfigCustomizer> customizers, StartupRunRecorder recorder) {
            MigratorConfig.Builder builder = Migrator.configure()
                .dataSource(
                        migrationDataSource(properties, migratorDataSource.getIfAvailable(), dataSource.getIfUnique()))
                .classLoader(resourceLoader.getClassLoader())
                .listener(recorder);
            applyProperties(properties, builder);
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.load();
        }

        /** Migrates (or runs the {@link MigrationStrategy}) during start-up. */
        @Bean
        @ConditionalOnMissingBean
        public MigratorInitializer migratorInitializer(Migrator migrator, ObjectProvider<MigrationStrategy> strategy,
                StartupRunRecorder recorder, MigratorProperties properties) {
            return new MigratorInitializer(migrator, strategy.getIfAvailable(), recorder, properties.isRunOnStartup());
        }

        private static DataSource migrationDataSource(MigratorProperties properties, DataSource migratorDataSource,
                DataSource dataSource) {
            if (migratorDataSource != null) {
                return migratorDataSource;
            }
            if (properties.getUrl() != null) {
                return DataSourceBuilder.create()
                    .type(SimpleDriverDataSource.class)
                    .url(properties.getUrl())
                    .username(properties.getUser())
                    .password(properties.getPassword())
                    .build();
            }
            if (properties.getUser() != null && dataSource != null) {
                return DataSourceBuilder.derivedFrom(dataSource)
                    .type(SimpleDriverDataSource.class)
                    .username(properties.getUser())
                    .password(properties.getPassword())
                    .build();
            }
            Assert.state(dataSource != null, "migrator: no unique DataSource to migrate; mark one @Primary, "
                    + "qualify one with @MigratorDataSource, or set migrator.url");
            return dataSource;
        }

        private static void applyProperties(MigratorProperties properties, MigratorConfig.Builder builder) {
            PropertyMapper map = PropertyMapper.get();
            map.from(properties.getLocations()).to(builder::locations);
            map.from(properties.getSchema()).to(builder::schema);
            map.from(properties.getTable()).to(builder::table);
            map.from(properties.isCreateSchema()).to(builder::createSchema);
            map.from(properties.isValidateOnMigrate()).to(builder::validateOnMigrate);
            map.from(properties.isOutOfOrder()).to(builder::outOfOrder);
            map.from(properties.isIgnoreMissing()).to(builder::ignoreMissing);
            map.from(properties.isBaselineOnMigrate()).to(builder::baselineOnMigrate);
            map.from(properties.getBaselineVersion()).to(builder::baselineVersion);
            map.from(properties.getBaselineDescription()).to(builder::baselineDescription);
            map.from(properties.getLockWaitTimeout()).to(builder::lockWaitTimeout);
            map.from(properties.getLockTimeout()).to(builder::lockTimeout);
            map.from(properties.getLockRetries()).to(builder::lockRetries);
            map.from(properties.getStatementTimeout()).to(builder::statementTimeout);
        }

    }

    /**
     * Matches when there is a data source to migrate: a DataSource bean or
     * {@code migrator.url}.
     */
    static final class MigratorDataSourceCondition extends AnyNestedCondition {

        MigratorDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {

        }

        @ConditionalOnProperty("migrator.url")
        private static final class MigratorUrlCondition {

        }

    }

}
