package dev.migrator.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrator.internal.sql.SqlScript;
import dev.migrator.internal.sql.SqlStatement;

/**
 * The custom settings ({@code app.tenant}: a name with a dot) a script changes for the session with
 * {@code SET [SESSION] name = ...} or {@code SET name TO ...}. {@code SET LOCAL} ends with the transaction and is
 * left out; a {@code set_config(name, value, false)} call is not seen (it may come from any function).
 */
final class CustomSettingNames {

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)+";

    private static final Pattern SET = Pattern.compile("(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*set\\s+"
            + "(?:session\\s+)?(" + NAME + ")\\s*(?:=|to\\b)");

    private CustomSettingNames() {
    }

    /** The names, lower-cased as PostgreSQL folds them, in order of first appearance. */
    static List<String> setBy(SqlScript script) {
        List<String> names = new ArrayList<>();
        for (SqlStatement statement : script.statements()) {
            if (statement.kind() != SqlStatement.Kind.NORMAL) {
                continue;
            }
            Matcher m = SET.matcher(statement.sql());
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
