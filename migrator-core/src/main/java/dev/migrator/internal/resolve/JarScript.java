package dev.migrator.internal.resolve;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A script that is an entry of a jar, found through a {@code jar:} URL: a plain jar
 * ({@code jar:file:/app/lib/x.jar!/db/migration}) or a Spring Boot nested jar
 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration}). Both hand out a
 * {@link JarURLConnection}; the entry is read through the jar file that connection opens,
 * so no URL is ever built from a file name.
 */
final class JarScript extends LocatedScript {

    private final URL root;

    private final String entryName;

    JarScript(Location location, String relativePath, URL root, String entryName) {
        super(location, relativePath);
        this.root = root;
        this.entryName = entryName;
    }

    @Override
    InputStream open() throws IOException {
        JarURLConnection connection = JarScanner.connect(this.root);
        JarFile jar = connection.getJarFile();
        boolean close = !connection.getUseCaches();
        ZipEntry entry = jar.getEntry(this.entryName);
        if (entry == null) {
            if (close) {
                jar.close();
            }
            throw new FileNotFoundException("no entry " + this.entryName + " in " + this.root);
        }
        InputStream in = jar.getInputStream(entry);
        if (!close) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                }
                finally {
                    jar.close();
                }
            }
        };
    }

    @Override
    String origin() {
        return this.root.toExternalForm();
    }

}
