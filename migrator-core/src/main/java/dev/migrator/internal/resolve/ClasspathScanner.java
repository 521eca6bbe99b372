package dev.migrator.internal.resolve;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the files of a {@code classpath:} location in every class path root that has it
 * ({@link ClassLoader#getResources(String)}): directories ({@code file:} URLs) are
 * walked, jars ({@code jar:} URLs, Spring Boot nested jars included) are listed through
 * their {@link java.net.JarURLConnection}.
 * <p>
 * Jars are found through their directory entries, as every class loader finds resources;
 * a jar built without directory entries does not show its directories (Maven, Gradle and
 * Spring Boot always write them).
 */
final class ClasspathScanner {

    private ClasspathScanner() {
    }

    /**
     * Lists the location's files.
     * @return whether the location exists in at least one class path root
     */
    static boolean scan(Location location, ClassLoader classLoader, List<LocatedScript> found, Problems problems) {
        Map<String, URL> roots = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = classLoader.getResources(location.path());
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                roots.putIfAbsent(url.toExternalForm(), url);
            }
        }
        catch (IOException ex) {
            problems.add(location.displayName(), 0,
                    location.displayName() + " cannot be looked up in the class path: " + Problems.reason(ex), ex);
            return true;
        }
        for (URL url : roots.values()) {
            scanRoot(location, url, found, problems);
        }
        return !roots.isEmpty();
    }

    private static void scanRoot(Location location, URL url, List<LocatedScript> found, Problems problems) {
        String protocol = url.getProtocol();
        try {
            if ("file".equals(protocol)) {
                Path root = Path.of(url.toURI());
                if (!Files.isDirectory(root)) {
                    problems.add(location.displayName(), 0, location.displayName() + " is a file (" + root
                            + "), not a directory. Fix: name the directory that holds the migration files");
                    return;
                }
                DirectoryScanner.scan(location, root, found, problems);
            }
            else if ("jar".equals(protocol)) {
                JarScanner.scan(location, url, found, problems);
            }
            else {
                problems.add(location.displayName(), 0, location.displayName() + " was found at " + url
                        + ", which cannot be listed: only directories (file:) and jars (jar:) are supported. Fix: "
                        + "use a filesystem: location, or package the migrations in a jar");
            }
        }
        catch (IOException | URISyntaxException | IllegalArgumentException ex) {
            problems.add(location.displayName(), 0, location.displayName() + " cannot be listed at " + url + ": "
                    + ((ex instanceof IOException io) ? Problems.reason(io) : ex.toString()), ex);
        }
    }

}
