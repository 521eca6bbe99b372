package dev.migrator.internal.execute;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;

import static org.assertj.core.api.Assertions.assertThat;

class SettingChangesTests {

    @Test
    void findsCustomSettingsSetForTheSessionInEitherSpelling() {
        assertThat(SettingChanges.customNames(parse("""
                set app.tenant = 'a';
                -- a comment first
                SET SESSION My_App.Region TO 'eu';
                /* block */ set app.tenant to 'b';
                """))).containsExactly("app.tenant", "my_app.region");
    }

    @Test
    void customNamesLeaveOutLocalBuiltInAndNonSetStatements() {
        assertThat(SettingChanges.customNames(parse("""
                set local app.tenant = 'a';
                set search_path = public;
                set session authorization default;
                select set_config('app.other', 'x', false);
                insert into t values (1);
                """))).isEmpty();
    }

    @Test
    void setResetDiscardAndSetConfigMayChangeSettings() {
        assertThat(SettingChanges.possible(parse("create table t (id int);\n/* c */ SET timezone = 'UTC';"))).isTrue();
        assertThat(SettingChanges.possible(parse("reset all;"))).isTrue();
        assertThat(SettingChanges.possible(parse("discard temp;"))).isTrue();
        assertThat(SettingChanges
            .possible(parse("do $$ begin perform pg_catalog.SET_CONFIG('a.b', 'c', false); " + "end $$;"))).isTrue();
    }

    @Test
    void dynamicSetInADoBlockMayChangeSettingsAndNamesItsCustomSetting() {
        SqlScript script = parse(
                "do $$ begin execute 'set search_path = audit'; " + "execute 'SET App.Tenant TO ''x'''; end $$;");
        assertThat(SettingChanges.possible(script)).isTrue();
        assertThat(SettingChanges.customNames(script)).containsExactly("app.tenant");
    }

    @Test
    void updateSetIsTakenAsAPossibleChangeAtTheCostOfOneRestore() {
        assertThat(SettingChanges.possible(parse("update settings set enabled = true;"))).isTrue();
    }

    @Test
    void ordinaryDdlAndDmlCannotChangeSettings() {
        assertThat(SettingChanges.possible(parse("""
                create table settings (id int, reset boolean, offset_value int);
                alter table settings alter column reset set default false;
                alter table settings alter column reset set not null;
                insert into settings values (1, false, 0);
                select * from settings limit 1 offset 0;
                create index settings_reset on settings (reset);
                """))).isFalse();
    }

    private static SqlScript parse(String text) {
        return SqlParser.parse("1_s.sql", text);
    }

    @Test
    void leadingWordCheckAgreesWithTheRegularExpressionItReplaced() {
        // the former expression, with a block comment that ends at its first */ (the
        // former one could backtrack past
        // it and read "/* a */ x /* b */ reset" as starting with RESET)
        Pattern former = Pattern
            .compile("(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*(?:[^*]|\\*(?!/))*+\\*/)*(?:set|reset|discard)\\b");
        String[] pieces = { " ", "\n", "\t", "-- note\n", "--x", "/* c */", "/* a\n b */", "/*", "*/", "set", "SET",
                "Reset", "DISCARD", "settings", "set_config", "set$x", "set\u00e9", "set1", "reset;", "select", "(",
                "x", "\u017fet", "s", "et", "\u000b", "\f" };
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sql = new StringBuilder();
            int count = 1 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                sql.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sql.toString();
            assertThat(SettingChanges.startsWithChangingWord(text)).as("'%s'", text)
                .isEqualTo(former.matcher(text).lookingAt());
        }
    }

}
