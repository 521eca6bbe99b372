package dev.migrator;

import java.util.Comparator;
import java.util.List;

/**
 * The migration files in the configured locations, as {@link Migrator#files()} resolved
 * them without a database: what {@code migrate} would work with, in the order it applies
 * them.
 *
 * @param files versioned migrations ordered by version, then repeatable ones ordered by
 * description
 */
public record MigrationFileSet(List<MigrationFile> files) {

    /** Creates the set; the list is copied. */
    public MigrationFileSet {
        files = List.copyOf(files);
    }

    /** The versioned migrations, ordered by version. */
    public List<MigrationFile> versioned() {
        return this.files.stream().filter(MigrationFile::isVersioned).toList();
    }

    /** The repeatable migrations, ordered by description. */
    public List<MigrationFile> repeatable() {
        return this.files.stream().filter((f) -> !f.isVersioned()).toList();
    }

    /**
     * The highest version of the versioned migrations, or {@code null} when there is
     * none.
     */
    public MigrationVersion latestVersion() {
        return this.files.stream()
            .map(MigrationFile::version)
            .filter((v) -> v != null)
            .max(Comparator.naturalOrder())
            .orElse(null);
    }

    /** Whether the locations hold no migration. */
    public boolean isEmpty() {
        return this.files.isEmpty();
    }
}
