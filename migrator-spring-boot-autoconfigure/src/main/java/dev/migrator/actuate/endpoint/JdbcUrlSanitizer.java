package dev.migrator.actuate.endpoint;

/**
 * Removes credentials from JDBC URLs before they are shown: the query string (where
 * {@code password=} goes) and any {@code user:password@} before the host.
 */
public final class JdbcUrlSanitizer {

    private JdbcUrlSanitizer() {
    }

    /**
     * Sanitizes a JDBC URL.
     * @param url the URL, or {@code null}
     * @return the URL without query string, properties or user info; {@code null} for
     * {@code null}
     */
    public static String sanitize(String url) {
        if (url == null) {
            return null;
        }
        String result = url;
        int query = result.indexOf('?');
        if (query >= 0) {
            result = result.substring(0, query);
        }
        int semicolon = result.indexOf(';');
        if (semicolon >= 0) {
            result = result.substring(0, semicolon);
        }
        int authority = result.indexOf("//");
        if (authority >= 0) {
            int at = result.lastIndexOf('@');
            if (at > authority) {
                result = result.substring(0, authority + 2) + result.substring(at + 1);
            }
        }
        return result;
    }

}
