package dev.migrator.internal.resolve;

import java.net.URL;
import java.util.Collections;
import java.util.List;

import dev.migrator.InvalidMigrationException;

/**
 * Runs inside a Spring Boot executable jar built by {@link SpringBootJarResolutionTests}:
 * resolves each location given as an argument with the launcher's class loader and prints
 * what it found, one fact per line.
 */
public final class NestedJarProbe {

    private NestedJarProbe() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String location : args) {
            System.out.println("location " + location);
            String path = location.substring(location.indexOf(':') + 1);
            for (URL url : Collections.list(loader.getResources(path))) {
                System.out.println("url " + url + " " + url.openConnection().getClass().getName());
            }
            try {
                List<ResolvedMigration> migrations = new MigrationResolver(List.of(location), loader).resolve();
                for (ResolvedMigration migration : migrations) {
                    System.out.println("migration " + migration.version() + "|" + migration.description() + "|"
                            + migration.script() + "|" + migration.checksum() + "|" + migration.resource().displayName()
                            + "|" + migration.resource().readContent().replace("\n", "\\n") + "|"
                            + ((migration.rollback() != null) ? migration.rollback().readContent() : "-"));
                }
            }
            catch (InvalidMigrationException ex) {
                System.out.println("error " + ex.getMessage().replace("\n", "\\n"));
            }
        }
    }

}
