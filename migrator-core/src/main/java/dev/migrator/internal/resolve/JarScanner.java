package dev.migrator.internal.resolve;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the entries below a {@code jar:} URL. Plain jars and Spring Boot nested jars
 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration}, or a jar in
 * {@code BOOT-INF/lib}) both open a {@link JarURLConnection}; its jar file holds the
 * entries and its entry name is the directory to list.
 */
final class JarScanner {

    private JarScanner() {
    }

    /**
     * Lists the files below the URL's directory entry.
     * @return {@code false} when the URL names a file rather than a directory (a problem
     * is recorded)
     */
    static boolean scan(Location location, URL url, List<LocatedScript> found, Problems problems) throws IOException {
        JarURLConnection connection = connect(url);
        JarFile jar = connection.getJarFile();
        try {
            String entryName = connection.getEntryName();
            String prefix = (entryName == null || entryName.isEmpty()) ? ""
                    : entryName.endsWith("/") ? entryName : entryName + "/";
            JarEntry rootEntry = connection.getJarEntry();
            if (rootEntry != null && !rootEntry.isDirectory() && jar.getEntry(prefix) == null) {
                problems.add(location.displayName(), 0, location.displayName() + " is a file (" + url
                        + "), not a directory. Fix: name the directory that holds the migration files");
                return false;
            }
            List<LocatedScript> files = new ArrayList<>();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.length() > prefix.length() && name.startsWith(prefix)) {
                    String relative = name.substring(prefix.length());
                    if (!isHidden(relative)) {
                        files.add(new JarScript(location, relative, url, name));
                    }
                }
            }
            files.sort(Comparator.comparing(LocatedScript::relativePath));
            found.addAll(files);
            return true;
        }
        finally {
            if (!connection.getUseCaches()) {
                jar.close();
            }
        }
    }

    /**
     * Opens a connection to a {@code jar:} URL, failing clearly when it does not open as
     * a jar.
     */
    static JarURLConnection connect(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            return jar;
        }
        throw new IOException(url + " did not open as a jar but as " + connection.getClass().getName());
    }

    private static boolean isHidden(String relativePath) {
        if (relativePath.startsWith(".")) {
            return true;
        }
        return relativePath.contains("/.");
    }

}
