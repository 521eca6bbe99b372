package dev.migrator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The version of a versioned migration: digits with optional dots ({@code 1}, {@code 001}, {@code 2.1},
 * {@code 20261122093000}). Versions compare numerically part by part ({@code 10} after {@code 9}, {@code 1.10}
 * after {@code 1.9}); leading zeros and trailing {@code .0} parts do not count, so {@code 1}, {@code 001} and
 * {@code 1.0} are the same version. {@link #toString()} gives the version as written.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    private final String text;

    private final List<BigInteger> parts;

    private MigrationVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses a version.
     * @param text digits with optional dots, as written in a file name or a setting
     * @return the version
     * @throws IllegalArgumentException when the text is not of that form; the message says what is accepted
     */
    public static MigrationVersion parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a migration version: use digits with "
                    + "optional dots, e.g. 1, 001, 2.1 or 20261122093000");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new MigrationVersion(text, Collections.unmodifiableList(parts));
    }

    /** Whether the text is a valid version. */
    public static boolean isValid(String text) {
        // digits with optional dots, i.e. \d+(\.\d+)* with ASCII digits, without a regular expression: every
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
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = (i < parts.size()) ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = (i < other.parts.size()) ? other.parts.get(i) : BigInteger.ZERO;
            int cmp = a.compareTo(b);
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
        return parts.hashCode();
    }

    /** The version as written (e.g. {@code 001}). */
    @Override
    public String toString() {
        return text;
    }
}
