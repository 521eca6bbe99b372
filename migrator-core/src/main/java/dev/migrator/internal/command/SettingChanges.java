package dev.migrator.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.internal.sql.SqlScript;
import dev.migrator.internal.sql.SqlStatement;

/**
 * What a script may do to the session's settings, read from its text: whether it may change any (a statement that
 * starts with {@code SET}, {@code RESET} or {@code DISCARD}, or calls {@code set_config}) and which custom settings
 * ({@code app.tenant}: a name with a dot) it sets for the session with {@code SET [SESSION] name = ...}. A function
 * that calls {@code set_config(..., false)} inside its body is not seen.
 */
final class SettingChanges {

    private static final String LEADING = "(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*";

    private static final Pattern CHANGING = Pattern.compile(LEADING + "(?:set|reset|discard)\\b");

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)+";

    private static final Pattern SET_CUSTOM = Pattern.compile(LEADING + "set\\s+(?:session\\s+)?(" + NAME
            + ")\\s*(?:=|to\\b)");

    private static final Pattern SET_CONFIG = Pattern.compile("(?i)set_config");

    private SettingChanges() {
    }

    /** Whether any statement may change a session setting. */
    static boolean possible(SqlScript script) {
        for (SqlStatement statement : script.statements()) {
            if (statement.kind() != SqlStatement.Kind.NORMAL) {
                continue;
            }
            String sql = statement.sql();
            if (CHANGING.matcher(sql).lookingAt() || SET_CONFIG.matcher(sql).find()) {
                return true;
            }
        }
        return false;
    }

    /** The custom settings the script sets for the session, lower-cased as PostgreSQL folds them, in order. */
    static List<String> customNames(SqlScript script) {
        List<String> names = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            if (statement.kind() != SqlStatement.Kind.NORMAL) {
                continue;
            }
            Matcher m = SET_CUSTOM.matcher(statement.sql());
            if (m.lookingAt()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
