package dev.migrator.autoconfigure;

import dev.migrator.Migrator;

/**
 * Replaces the default start-up behaviour ({@code migrator.migrate()}) when defined as a
 * bean, e.g. to validate only, or to repair and then migrate. Called once while the
 * application context starts, before anything that depends on database initialization is
 * created.
 */
@FunctionalInterface
public interface MigrationStrategy {

    /**
     * Does what the application needs at start-up.
     * @param migrator the auto-configured migrator
     */
    void migrate(Migrator migrator);

}
