package dev.migrator;

import java.util.Arrays;

/**
 * The version of a versioned migration: digits with optional dots ({@code 1},
 * {@code 001}, {@code 2.1}, {@code 20261122093000}). Versions compare numerically part by
 * part ({@code 10} after {@code 9}, {@code 1.10} after {@code 1.9}); leading zeros and
 * trailing {@code .0} parts do not count, so {@code 1}, {@code 001} and {@code 1.0} are
 * the same version. {@link #toString()} gives the version as written.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    private static final String ZERO = "0";

    private final String text;

    /**
     * The numeric parts as digits without leading zeros ({@code "0"} for zero), trailing
     * zero parts dropped (one part is always kept). Two such numbers compare by length
     * first, then digit by digit: numeric order of any size, without parsing them into
     * numbers (thousands of versions are compared on every start).
     */
    private final String[] parts;

    private MigrationVersion(String text, String[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version.
     * @param text digits with optional dots, as written in a file name or a setting
     * @return the version
     * @throws IllegalArgumentException when the text is not of that form; the message
     * says what is accepted
     */
    public static MigrationVersion parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a migration version: use digits with "
                    + "optional dots, e.g. 1, 001, 2.1 or 20261122093000");
        }
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                count++;
            }
        }
        String[] parts = new String[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = text.indexOf('.', start);
            if (end < 0) {
                end = text.length();
            }
            int firstDigit = start;
            while (firstDigit < end - 1 && text.charAt(firstDigit) == '0') {
                firstDigit++;
            }
            parts[i] = text.substring(firstDigit, end);
            start = end + 1;
        }
        int kept = count;
        while (kept > 1 && parts[kept - 1].equals(ZERO)) {
            kept--;
        }
        return new MigrationVersion(text, (kept == count) ? parts : Arrays.copyOf(parts, kept));
    }

    /** Whether the text is a valid version. */
    public static boolean isValid(String text) {
        // digits with optional dots, i.e. \d+(\.\d+)* with ASCII digits, without a
        // regular expression: every
        // history row and file name is checked, so this runs thousands of times per start
        if (text == null) {
            return false;
        }
        boolean afterDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                afterDigit = true;
            }
            else if (c == '.' && afterDigit) {
                afterDigit = false;
            }
            else {
                return false;
            }
        }
        return afterDigit;
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(this.parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            String a = (i < this.parts.length) ? this.parts[i] : ZERO;
            String b = (i < other.parts.length) ? other.parts[i] : ZERO;
            int cmp = (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    /** Whether this version is newer than the other one. */
    public boolean isNewerThan(MigrationVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object obj) {
        return (obj instanceof MigrationVersion other) && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(this.parts);
    }

    /** The version as written (e.g. {@code 001}). */
    @Override
    public String toString() {
        return this.text;
    }

}
