package dev.migrator.internal.resolve;

/**
 * One configured location, parsed: {@code classpath:db/migration},
 * {@code filesystem:/opt/sql}, or a bare path (which means {@code classpath:}).
 *
 * @param text the location as configured
 * @param onClasspath {@code true} for {@code classpath:}, {@code false} for
 * {@code filesystem:}
 * @param path for the class path: the resource path without leading or trailing '/' (e.g.
 * {@code db/migration}); for the file system: the path as written, without a trailing '/'
 */
record Location(String text, boolean onClasspath, String path) {

    static final String CLASSPATH_PREFIX = "classpath:";

    static final String FILESYSTEM_PREFIX = "filesystem:";

    /**
     * Parses a location; an unknown prefix or an empty path is an
     * {@link IllegalArgumentException}.
     */
    static Location parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith(FILESYSTEM_PREFIX)) {
            String path = stripTrailingSlashes(trimmed.substring(FILESYSTEM_PREFIX.length()));
            if (path.isEmpty()) {
                throw new IllegalArgumentException(
                        "location '" + text + "' names no directory: write e.g. " + "filesystem:/opt/app/sql");
            }
            return new Location(trimmed, false, path);
        }
        boolean prefixed = trimmed.startsWith(CLASSPATH_PREFIX);
        String rest = prefixed ? trimmed.substring(CLASSPATH_PREFIX.length()) : trimmed;
        int colon = rest.indexOf(':');
        if (colon >= 0 && !prefixed) {
            throw new IllegalArgumentException("location '" + text + "' has an unknown prefix '"
                    + rest.substring(0, colon + 1) + "': use classpath: or filesystem:");
        }
        int start = 0;
        while (start < rest.length() && rest.charAt(start) == '/') {
            start++;
        }
        String path = stripTrailingSlashes(rest.substring(start));
        if (path.isEmpty()) {
            throw new IllegalArgumentException("location '" + text + "' names the root of the class path: name a "
                    + "directory, e.g. classpath:db/migration");
        }
        return new Location(trimmed, true, path);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /**
     * The location in its canonical form, with its prefix:
     * {@code classpath:db/migration}.
     */
    String displayName() {
        return (this.onClasspath ? CLASSPATH_PREFIX : FILESYSTEM_PREFIX) + this.path;
    }

    /** How a file in this location is shown: {@code classpath:db/migration/001_x.sql}. */
    String displayName(String relativePath) {
        String root = displayName();
        return root.endsWith("/") ? root + relativePath : root + "/" + relativePath;
    }
}
