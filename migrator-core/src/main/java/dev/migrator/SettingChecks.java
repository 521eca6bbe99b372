package dev.migrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of {@link MigratorConfig} settings; each message names the setting, the value
 * and what is accepted.
 */
final class SettingChecks {

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private SettingChecks() {
    }

    static List<String> checkLocations(List<String> locations) {
        if (locations == null || locations.isEmpty()) {
            throw new IllegalArgumentException(
                    "locations must name at least one location, e.g. " + MigratorConfig.DEFAULT_LOCATION);
        }
        List<String> checked = new ArrayList<>();
        for (String location : locations) {
            if (location == null || location.isBlank()) {
                throw new IllegalArgumentException("locations must not contain an empty location");
            }
            String trimmed = location.trim();
            int colon = trimmed.indexOf(':');
            if (colon >= 0) {
                String prefix = trimmed.substring(0, colon);
                if (!prefix.equals("classpath") && !prefix.equals("filesystem")) {
                    throw new IllegalArgumentException("locations: '" + trimmed + "' has an unknown prefix '" + prefix
                            + ":'; use classpath: or filesystem:");
                }
            }
            checked.add(trimmed);
        }
        return List.copyOf(checked);
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_]*}, checked without a regular expression (none is
     * compiled on a start).
     */
    private static boolean isPlainIdentifier(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static String checkIdentifier(String setting, String value) {
        if (!isPlainIdentifier(value) || value.length() > MAX_IDENTIFIER_LENGTH) {
            throw new IllegalArgumentException(setting + " must be a plain identifier (a letter or underscore, then "
                    + "letters, digits or underscores, at most " + MAX_IDENTIFIER_LENGTH + " characters), but was '"
                    + shorten(value) + "'");
        }
        return value;
    }

    static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return (value.length() > 80) ? value.substring(0, 80) + "..." : value;
    }

    static MigrationVersion checkVersion(String setting, String value) {
        try {
            return MigrationVersion.parse(value);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(setting + ": " + ex.getMessage(), ex);
        }
    }

    static String checkDescription(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(
                    "baselineDescription must be 1 to 200 characters, but was '" + shorten(value) + "'");
        }
        return value;
    }

    static Duration checkDuration(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be zero or positive, but was " + value);
        }
        return value;
    }

}
