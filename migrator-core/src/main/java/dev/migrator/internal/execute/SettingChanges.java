package dev.migrator.internal.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.internal.sql.SqlScript;
import dev.migrator.internal.sql.SqlStatement;

/**
 * What a script may do to the session's settings, read from its text: whether it may
 * change any and which custom settings ({@code app.tenant}: a name with a dot) it sets
 * for the session. A statement may change a setting when it starts with {@code SET},
 * {@code RESET} or {@code DISCARD}, calls {@code set_config}, or holds
 * {@code SET [SESSION] name = ...} / {@code SET name TO ...} anywhere (dynamic SQL in a
 * {@code DO} block or a function body; this also matches
 * {@code UPDATE ... SET column = ...}, which only costs a needless restore). Not seen: a
 * function created by an earlier migration that changes a setting when this one calls it.
 */
public final class SettingChanges {

    private static final String[] CHANGING_WORDS = { "set", "reset", "discard" };

    private SettingChanges() {
    }

    /** Whether any statement may change a session setting. */
    static boolean possible(SqlScript script) {
        for (SqlStatement statement : script.statements()) {
            if (statement.kind() != SqlStatement.Kind.NORMAL) {
                continue;
            }
            String sql = statement.sql();
            if (startsWithChangingWord(sql) || setsAnywhere(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code set_config} or {@code SET [SESSION] name =|TO} stands anywhere in
     * the statement. A plain scan for the word {@code set} first: a regular expression
     * searched over every statement of a 50 MB script took 0.3 to 0.5 s.
     */
    private static boolean setsAnywhere(String sql) {
        Matcher after = null;
        for (int i = 0, n = sql.length() - 2; i < n; i++) {
            if ((sql.charAt(i) | 0x20) != 's' || (sql.charAt(i + 1) | 0x20) != 'e' || (sql.charAt(i + 2) | 0x20) != 't'
                    || (i > 0 && identifierPart(sql.charAt(i - 1)))) {
                continue;
            }
            after = (after != null) ? after : Patterns.AFTER_SET.matcher(sql);
            if (after.region(i + 3, sql.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the statement's first word, after white space and comments, is {@code SET},
     * {@code RESET} or {@code DISCARD} (any case, followed by a non-word character or the
     * end).
     */
    static boolean startsWithChangingWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (" \t\n\u000B\f\r".indexOf(c) >= 0) {
                i++;
            }
            else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = (newline < 0) ? n : newline + 1;
            }
            else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    return false;
                }
                i = close + 2;
            }
            else {
                break;
            }
        }
        for (String word : CHANGING_WORDS) {
            int end = i + word.length();
            if (end <= n && asciiWordAt(sql, i, word)
                    && (end == n || !identifierPart(sql.charAt(end)) || sql.charAt(end) == '$')) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWordAt(String sql, int at, String lowerCaseWord) {
        for (int k = 0; k < lowerCaseWord.length(); k++) {
            char c = sql.charAt(at + k);
            if (c > 0x7f || (c | 0x20) != lowerCaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * The custom settings the script sets for the session (at the start of a statement or
     * in dynamic SQL), lower-cased as PostgreSQL folds them, in order of first
     * appearance.
     */
    static List<String> customNames(SqlScript script) {
        List<String> names = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            if (statement.kind() != SqlStatement.Kind.NORMAL) {
                continue;
            }
            Matcher anywhere = Patterns.SET_CUSTOM_ANYWHERE.matcher(statement.sql());
            while (anywhere.find()) {
                add(names, anywhere.group(1));
            }
        }
        return names;
    }

    private static void add(List<String> names, String name) {
        String folded = name.toLowerCase(Locale.ROOT);
        if (!names.contains(folded)) {
            names.add(folded);
        }
    }

    /**
     * The patterns for what follows a word {@code set}, compiled the first time a
     * statement holds that word (no regular expression is compiled for scripts without
     * it).
     */
    private static final class Patterns {

        static final String NAME = "[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)+";

        /**
         * What follows a word {@code set} that may change a setting: {@code _config}, or
         * {@code [SESSION] name =|TO}.
         */
        static final Pattern AFTER_SET = Pattern
            .compile("(?i)_config|\\s+(?:session\\s+)?" + "[A-Za-z_\"][A-Za-z0-9_$.\"]*\\s*(?:=|to\\b)");

        static final Pattern SET_CUSTOM_ANYWHERE = Pattern
            .compile("(?i)\\bset\\s+(?:session\\s+)?(" + NAME + ")\\s*(?:=|to\\b)");

    }

}
