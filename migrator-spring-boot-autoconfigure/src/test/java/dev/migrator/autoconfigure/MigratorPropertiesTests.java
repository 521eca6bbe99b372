package dev.migrator.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrator.Migrator;
import dev.migrator.MigratorConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every core option has a property, and every property default equals core's default.
 */
class MigratorPropertiesTests {

    private static final Set<String> NOT_PROPERTIES = Set.of("dataSource", "classLoader", "listener", "build", "load");

    @Test
    void defaultsMatchCoreDefaults() {
        MigratorProperties properties = new MigratorProperties();
        MigratorConfig core = Migrator.configure().dataSource(new SimpleDriverDataSource()).build();
        assertThat(properties.getLocations()).isEqualTo(core.getLocations())
            .containsExactly(MigratorConfig.DEFAULT_LOCATION);
        assertThat(properties.getSchema()).isEqualTo(core.getSchema()).isNull();
        assertThat(properties.getTable()).isEqualTo(core.getTable()).isEqualTo(MigratorConfig.DEFAULT_TABLE);
        assertThat(properties.isCreateSchema()).isEqualTo(core.isCreateSchema())
            .isEqualTo(MigratorConfig.DEFAULT_CREATE_SCHEMA);
        assertThat(properties.isValidateOnMigrate()).isEqualTo(core.isValidateOnMigrate())
            .isEqualTo(MigratorConfig.DEFAULT_VALIDATE_ON_MIGRATE);
        assertThat(properties.isOutOfOrder()).isEqualTo(core.isOutOfOrder())
            .isEqualTo(MigratorConfig.DEFAULT_OUT_OF_ORDER);
        assertThat(properties.isIgnoreMissing()).isEqualTo(core.isIgnoreMissing())
            .isEqualTo(MigratorConfig.DEFAULT_IGNORE_MISSING);
        assertThat(properties.isBaselineOnMigrate()).isEqualTo(core.isBaselineOnMigrate())
            .isEqualTo(MigratorConfig.DEFAULT_BASELINE_ON_MIGRATE);
        assertThat(properties.getBaselineVersion()).isEqualTo(core.getBaselineVersion().toString())
            .isEqualTo(MigratorConfig.DEFAULT_BASELINE_VERSION);
        assertThat(properties.getBaselineDescription()).isEqualTo(core.getBaselineDescription())
            .isEqualTo(MigratorConfig.DEFAULT_BASELINE_DESCRIPTION);
        assertThat(properties.getLockWaitTimeout()).isEqualTo(core.getLockWaitTimeout())
            .isEqualTo(MigratorConfig.DEFAULT_LOCK_WAIT_TIMEOUT);
        assertThat(properties.getLockTimeout()).isEqualTo(core.getLockTimeout())
            .isEqualTo(MigratorConfig.DEFAULT_LOCK_TIMEOUT);
        assertThat(properties.getLockRetries()).isEqualTo(core.getLockRetries())
            .isEqualTo(MigratorConfig.DEFAULT_LOCK_RETRIES);
        assertThat(properties.getStatementTimeout()).isEqualTo(core.getStatementTimeout())
            .isEqualTo(MigratorConfig.DEFAULT_STATEMENT_TIMEOUT);
    }

    @Test
    void springSpecificDefaults() {
        MigratorProperties properties = new MigratorProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.isRunOnStartup()).isTrue();
        assertThat(properties.getHealth().getCacheTtl()).hasSeconds(5);
        assertThat(properties.getHealth().isReadiness()).isTrue();
        assertThat(properties.getUrl()).isNull();
        assertThat(properties.getUser()).isNull();
        assertThat(properties.getPassword()).isNull();
    }

    @Test
    void everyBuilderSettingHasAProperty() {
        Set<String> settings = new TreeSet<>();
        Arrays.stream(MigratorConfig.Builder.class.getDeclaredMethods())
            .filter((method) -> Modifier.isPublic(method.getModifiers()))
            .map(Method::getName)
            .filter((name) -> !NOT_PROPERTIES.contains(name))
            .forEach(settings::add);
        assertThat(settings).isNotEmpty().contains("locations", "lockRetries");
        BeanWrapperImpl properties = new BeanWrapperImpl(new MigratorProperties());
        assertThat(settings).allSatisfy((setting) -> assertThat(properties.isWritableProperty(setting))
            .as("migrator.* property for MigratorConfig.Builder#%s", setting)
            .isTrue());
    }

}
