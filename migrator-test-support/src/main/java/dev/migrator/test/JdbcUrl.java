package dev.migrator.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code jdbc:postgresql://host:port/database?params} URL that can point at another
 * database and be printed without its password.
 */
public final class JdbcUrl {

    private static final Pattern FORM = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private final String prefix;

    private final String database;

    private final String query;

    private JdbcUrl(String prefix, String database, String query) {
        this.prefix = prefix;
        this.database = database;
        this.query = query;
    }

    /** Parses a PostgreSQL JDBC URL; anything else is rejected with the expected form. */
    public static JdbcUrl parse(String url) {
        Matcher matcher = FORM.matcher(url.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: '" + mask(url)
                    + "'. Expected jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
        }
        String path = matcher.group(2);
        String db = (path == null || path.length() <= 1) ? "postgres" : path.substring(1);
        return new JdbcUrl(matcher.group(1), db, matcher.group(3) == null ? "" : matcher.group(3));
    }

    /** The same server and parameters, pointing at another database. */
    public JdbcUrl withDatabase(String name) {
        return new JdbcUrl(this.prefix, name, this.query);
    }

    /** The database this URL points at. */
    public String database() {
        return this.database;
    }

    /** The URL without any query parameters (no credentials). */
    public String withoutParameters() {
        return this.prefix + "/" + this.database;
    }

    /** The value of a query parameter, or {@code null}. */
    public String parameter(String name) {
        if (this.query.isEmpty()) {
            return null;
        }
        for (String pair : this.query.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The URL with any password replaced by {@code ****}. */
    public String masked() {
        return mask(toString());
    }

    private static String mask(String url) {
        return PASSWORD.matcher(url).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return this.prefix + "/" + this.database + this.query;
    }

}
