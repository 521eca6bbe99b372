package dev.migrator.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;

class SettingChangesTest {

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
                insert into t values ('set app.tenant = 1');
                """))).isEmpty();
    }

    @Test
    void setResetDiscardAndSetConfigMayChangeSettings() {
        assertThat(SettingChanges.possible(parse("create table t (id int);\n/* c */ SET timezone = 'UTC';")))
                .isTrue();
        assertThat(SettingChanges.possible(parse("reset all;"))).isTrue();
        assertThat(SettingChanges.possible(parse("discard temp;"))).isTrue();
        assertThat(SettingChanges.possible(parse("do $$ begin perform pg_catalog.SET_CONFIG('a.b', 'c', false); "
                + "end $$;"))).isTrue();
    }

    @Test
    void ordinaryDdlAndDmlCannotChangeSettings() {
        assertThat(SettingChanges.possible(parse("""
                create table settings (id int, reset boolean);
                update settings set reset = true;
                create function f() returns int language sql set search_path = public as 'select 1';
                insert into settings values (1, false);
                """))).isFalse();
    }

    private static SqlScript parse(String text) {
        return SqlParser.parse("1_s.sql", text);
    }
}
