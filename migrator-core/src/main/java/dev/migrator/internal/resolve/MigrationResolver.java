package dev.migrator.internal.resolve;

import java.util.List;

/**
 * Finds the migrations in the configured locations.
 */
public final class MigrationResolver {

    private final List<String> locations;

    private final ClassLoader classLoader;

    /**
     * Creates a resolver.
     * @param locations {@code classpath:} or {@code filesystem:} locations (no prefix means {@code classpath:})
     * @param classLoader the class loader to scan {@code classpath:} locations with
     */
    public MigrationResolver(List<String> locations, ClassLoader classLoader) {
        this.locations = List.copyOf(locations);
        this.classLoader = classLoader;
    }

    /**
     * Resolves every migration: versioned ones ordered by version, then repeatable ones ordered by description.
     * @return the migrations
     * @throws dev.migrator.InvalidMigrationException listing every problem found (bad names, duplicate versions,
     *         rollback scripts without a migration, invalid UTF-8, unreadable files, missing locations)
     */
    public List<ResolvedMigration> resolve() {
        throw new IllegalStateException("MigrationResolver is being written (locations " + locations + ", "
                + classLoader + ")");
    }
}
