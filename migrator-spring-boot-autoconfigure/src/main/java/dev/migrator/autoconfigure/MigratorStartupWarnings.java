package dev.migrator.autoconfigure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;

import dev.migrator.Migrator;

/**
 * Warns once the context is started about set-ups that are probably mistakes: migration
 * files under {@code db/migration} while migrator is disabled, and Flyway or Liquibase
 * migrating the same database too.
 */
public class MigratorStartupWarnings implements SmartInitializingSingleton {

    private static final Logger logger = LoggerFactory.getLogger(MigratorStartupWarnings.class);

    private static final String MIGRATION_FILES = "classpath*:db/migration/**/*.sql";

    /**
     * Other migration tools: the class of the bean that migrates, and the tool's name.
     */
    static final Map<String, String> OTHER_TOOLS = Map.of("org.flywaydb.core.Flyway", "Flyway",
            "liquibase.integration.spring.SpringLiquibase", "Liquibase");

    private final ConfigurableListableBeanFactory beanFactory;

    private final Environment environment;

    private final ResourcePatternResolver resources;

    private final Map<String, String> otherTools;

    /**
     * Creates the warnings check.
     * @param beanFactory where to look for migrator, Flyway and Liquibase beans
     * @param environment where {@code migrator.enabled} is read
     * @param resources where migration files are looked for
     */
    public MigratorStartupWarnings(ConfigurableListableBeanFactory beanFactory, Environment environment,
            ResourcePatternResolver resources) {
        this(beanFactory, environment, resources, OTHER_TOOLS);
    }

    MigratorStartupWarnings(ConfigurableListableBeanFactory beanFactory, Environment environment,
            ResourcePatternResolver resources, Map<String, String> otherTools) {
        this.beanFactory = beanFactory;
        this.environment = environment;
        this.resources = resources;
        this.otherTools = otherTools;
    }

    @Override
    public void afterSingletonsInstantiated() {
        warnings().forEach(logger::warn);
    }

    /** The warnings that apply, empty when none does. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        boolean enabled = this.environment.getProperty("migrator.enabled", Boolean.class, true);
        if (!enabled) {
            int files = countMigrationFiles();
            if (files > 0) {
                warnings.add("Found " + files + " migration file(s) under classpath:db/migration but migrator is "
                        + "disabled (migrator.enabled=false): none of them is applied. Remove "
                        + "migrator.enabled=false to migrate at start-up.");
            }
        }
        if (this.beanFactory.getBeanNamesForType(Migrator.class, false, false).length > 0) {
            this.otherTools.forEach((className, tool) -> {
                if (hasBeanOfType(className)) {
                    warnings.add(tool + " is auto-configured as well as migrator: both will migrate the same "
                            + "database. Remove " + tool + " from the classpath or disable one of them.");
                }
            });
        }
        return warnings;
    }

    private boolean hasBeanOfType(String className) {
        ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
        if (!ClassUtils.isPresent(className, classLoader)) {
            return false;
        }
        Class<?> type = ClassUtils.resolveClassName(className, classLoader);
        return this.beanFactory.getBeanNamesForType(type, false, false).length > 0;
    }

    private int countMigrationFiles() {
        try {
            Resource[] found = this.resources.getResources(MIGRATION_FILES);
            return found.length;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not list " + MIGRATION_FILES + ": " + ex.getMessage(), ex);
        }
    }

}
