package dev.migrator.internal.resolve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigratorConfig;

/**
 * Finds the migrations in the configured locations.
 * <p>
 * Every location is scanned recursively: {@code classpath:} locations in every class path
 * root that has them (directories, jars, Spring Boot executable jars),
 * {@code filesystem:} locations on disk. A location that does not exist is an error when
 * it was configured explicitly; the default location
 * ({@value MigratorConfig#DEFAULT_LOCATION}) may be missing, which is logged at INFO: an
 * application without migrations yet.
 */
public final class MigrationResolver {

    private static final Logger logger = LoggerFactory.getLogger(MigrationResolver.class);

    private final List<String> locations;

    private final ClassLoader classLoader;

    private final boolean locationsConfigured;

    /**
     * Creates a resolver. The locations count as configured (so each must exist) unless
     * they are exactly the default, {@value MigratorConfig#DEFAULT_LOCATION}, which may
     * be missing.
     * @param locations {@code classpath:} or {@code filesystem:} locations (no prefix
     * means {@code classpath:})
     * @param classLoader the class loader to scan {@code classpath:} locations with
     */
    public MigrationResolver(List<String> locations, ClassLoader classLoader) {
        this(locations, classLoader, !isDefault(locations));
    }

    /**
     * Creates a resolver.
     * @param locations {@code classpath:} or {@code filesystem:} locations (no prefix
     * means {@code classpath:})
     * @param classLoader the class loader to scan {@code classpath:} locations with
     * @param locationsConfigured whether the user configured the locations: then a
     * location that does not exist is an error naming it; otherwise (the defaults) it is
     * logged at INFO and holds no migrations
     */
    public MigrationResolver(List<String> locations, ClassLoader classLoader, boolean locationsConfigured) {
        this.locations = List.copyOf(locations);
        this.classLoader = classLoader;
        this.locationsConfigured = locationsConfigured;
    }

    /**
     * Whether the locations are exactly the default location, in any of its spellings.
     */
    static boolean isDefault(List<String> locations) {
        if (locations.size() != 1) {
            return false;
        }
        try {
            return Location.parse(locations.get(0)).displayName().equals(MigratorConfig.DEFAULT_LOCATION);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Resolves every migration: versioned ones ordered by version, then repeatable ones
     * ordered by description.
     * @return the migrations
     * @throws dev.migrator.InvalidMigrationException listing every problem found (bad
     * names, duplicate versions, rollback scripts without a migration, invalid UTF-8,
     * unreadable files, missing locations)
     */
    public List<ResolvedMigration> resolve() {
        return resolve((work) -> {
        });
    }

    /**
     * Resolves every migration like {@link #resolve()}, offering the reading of the files
     * to other threads: once the files are listed, the work of checksumming them is
     * handed to {@code share}, and any thread may then {@link SharedWork#help() help}
     * with it while this one works through it too. The outcome does not depend on who
     * helped.
     * @param share told about the work once the files are listed
     * @return the migrations
     * @throws dev.migrator.InvalidMigrationException as {@link #resolve()}
     */
    public List<ResolvedMigration> resolve(Consumer<SharedWork> share) {
        return resolve(share, TextBudget.NONE);
    }

    /**
     * Resolves every migration like {@link #resolve(Consumer)}, keeping the text of
     * migration scripts up to 1 MB each and 16 MB in all for the run that follows: their
     * {@link ResolvedMigration#resource()} then reads exactly what was checksummed, from
     * memory (see {@link KeptScript}). For commands that run or parse pending scripts.
     * @param share told about the work once the files are listed
     * @return the migrations
     * @throws dev.migrator.InvalidMigrationException as {@link #resolve()}
     */
    public List<ResolvedMigration> resolveKeepingTexts(Consumer<SharedWork> share) {
        return resolve(share, TextBudget.standard());
    }

    List<ResolvedMigration> resolve(Consumer<SharedWork> share, TextBudget budget) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        List<NamedFile> files = list(problems).stream().map(NamedFile::of).toList();
        Checksums checksums = new Checksums(files, budget);
        share.accept(checksums.work());
        checksums.work().complete();
        MigrationAssembler assembler = new MigrationAssembler(problems);
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            assembler.add(files.get(i), () -> checksums.get(index), checksums.text(index));
        }
        List<ResolvedMigration> migrations = assembler.assemble();
        problems.throwIfAny();
        if (logger.isDebugEnabled()) {
            logger.debug("Resolved {} migrations from {} files in {} in {} ms", migrations.size(), files.size(),
                    this.locations, (System.nanoTime() - start) / 1_000_000);
        }
        return migrations;
    }

    /**
     * Every file in the locations, in order: location by location, each sorted by
     * relative path.
     */
    private List<LocatedScript> list(Problems problems) {
        List<LocatedScript> files = new ArrayList<>();
        for (Location location : parseLocations(problems)) {
            boolean exists = location.onClasspath() ? ClasspathScanner.scan(location, loader(), files, problems)
                    : scanFilesystem(location, files, problems);
            if (!exists) {
                missing(location, problems);
            }
        }
        return files;
    }

    private ClassLoader loader() {
        return (this.classLoader != null) ? this.classLoader : MigrationResolver.class.getClassLoader();
    }

    private List<Location> parseLocations(Problems problems) {
        Map<String, Location> parsed = new LinkedHashMap<>();
        for (String text : this.locations) {
            try {
                Location location = Location.parse(text);
                parsed.putIfAbsent(location.displayName(), location);
            }
            catch (IllegalArgumentException ex) {
                problems.add(null, 0, "The " + ex.getMessage(), ex);
            }
        }
        return List.copyOf(parsed.values());
    }

    private static boolean scanFilesystem(Location location, List<LocatedScript> files, Problems problems) {
        Path root = Path.of(location.path());
        if (!Files.exists(root)) {
            return false;
        }
        if (!Files.isDirectory(root)) {
            problems.add(location.displayName(), 0,
                    "The location " + location.displayName() + " is a file (" + root.toAbsolutePath()
                            + "), not a directory. Fix: name the directory that holds the " + "migration files");
            return true;
        }
        DirectoryScanner.scan(location, root, files, problems);
        return true;
    }

    private void missing(Location location, Problems problems) {
        if (!this.locationsConfigured) {
            logger.info("No migrations: the location {} does not exist", location.displayName());
            return;
        }
        String where = location.onClasspath() ? "it is in no directory or jar of the class path"
                : "there is no " + Path.of(location.path()).toAbsolutePath();
        problems.add(location.displayName(), 0, "The location " + location.displayName() + " does not exist: " + where
                + ". Fix: create it, or correct the configured locations");
    }

}
