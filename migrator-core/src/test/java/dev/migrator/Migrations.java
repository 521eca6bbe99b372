package dev.migrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.migrator.test.MigrationFiles;
import dev.migrator.test.TestDatabase;

/**
 * One test's migration files and the migrator that runs them on the test class's
 * database. Registered per test instance, it resets the database before each test and
 * deletes its folder of files after it: <pre>
 * &#64;RegisterExtension
 * static final TestDatabase db = new TestDatabase();
 *
 * &#64;RegisterExtension
 * final Migrations files = new Migrations(db);
 * </pre>
 */
final class Migrations extends MigrationFiles implements BeforeEachCallback, AfterEachCallback {

    private final TestDatabase db;

    Migrations(TestDatabase db) {
        super(newFolder());
        this.db = db;
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("migrations");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A migrator for these files on the test database. */
    Migrator migrator() {
        return config().load();
    }

    /** The configuration of {@link #migrator()}, to change a setting first. */
    MigratorConfig.Builder config() {
        return config(this.db.dataSource());
    }

    /** The configuration for these files on another data source. */
    MigratorConfig.Builder config(DataSource dataSource) {
        return Migrator.configure().dataSource(dataSource).locations(location());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        this.db.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(root())) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
