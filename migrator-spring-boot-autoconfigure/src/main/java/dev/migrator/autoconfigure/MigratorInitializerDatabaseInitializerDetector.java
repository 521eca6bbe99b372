package dev.migrator.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigratorInitializer}: beans that
 * depend on database initialization (JPA's EntityManagerFactory, JdbcTemplate,
 * JdbcClient, jOOQ, ...) are created after it.
 */
class MigratorInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigratorInitializer.class);
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
