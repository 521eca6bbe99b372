package dev.migrator.internal.sql;

/**
 * {@link String}'s searches for any {@link CharSequence}, so the splitter works the same
 * on a {@code String} and on a script's paged content (see
 * {@code dev.migrator.internal.resolve.ScriptContent}). A {@code String} argument takes
 * {@code String}'s own (intrinsic) methods.
 */
final class Texts {

    private Texts() {
    }

    /**
     * Like {@link String#indexOf(int, int)}: the first index at or after {@code from} of
     * {@code c}, or -1.
     */
    static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String s) {
            return s.indexOf(c, from);
        }
        for (int i = Math.max(from, 0), n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Like {@link String#indexOf(String, int)}: the first index at or after {@code from}
     * of {@code part}, or -1.
     */
    static int indexOf(CharSequence text, String part, int from) {
        if (text instanceof String s) {
            return s.indexOf(part, from);
        }
        if (part.isEmpty()) {
            return Math.min(Math.max(from, 0), text.length());
        }
        char first = part.charAt(0);
        int last = text.length() - part.length();
        for (int i = indexOf(text, first, from); i >= 0 && i <= last; i = indexOf(text, first, i + 1)) {
            if (startsWith(text, part, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Like {@link String#startsWith(String, int)}. */
    static boolean startsWith(CharSequence text, String prefix, int at) {
        if (at < 0 || at > text.length() - prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Like {@code String.regionMatches(true, at, upper, 0, upper.length())} for an
     * upper-case ASCII word: whether {@code text} has {@code upper} at {@code at},
     * ignoring case.
     */
    static boolean matchesIgnoreCase(CharSequence text, int at, String upper) {
        if (text instanceof String s) {
            return s.regionMatches(true, at, upper, 0, upper.length());
        }
        if (at < 0 || at > text.length() - upper.length()) {
            return false;
        }
        for (int i = 0; i < upper.length(); i++) {
            char c = text.charAt(at + i);
            char u = upper.charAt(i);
            if (c != u && Character.toUpperCase(c) != u && Character.toLowerCase(c) != Character.toLowerCase(u)) {
                return false;
            }
        }
        return true;
    }

}
