package dev.migrator.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.migrator.internal.sql.SqlParser;

class CustomSettingNamesTest {

    @Test
    void findsCustomSettingsSetForTheSessionInEitherSpelling() {
        assertThat(CustomSettingNames.setBy(SqlParser.parse("1_s.sql", """
                set app.tenant = 'a';
                -- a comment first
                SET SESSION My_App.Region TO 'eu';
                /* block */ set app.tenant to 'b';
                """))).containsExactly("app.tenant", "my_app.region");
    }

    @Test
    void ignoresLocalBuiltInAndNonSetStatements() {
        assertThat(CustomSettingNames.setBy(SqlParser.parse("1_s.sql", """
                set local app.tenant = 'a';
                set search_path = public;
                set session authorization default;
                select set_config('app.other', 'x', false);
                insert into t values ('set app.tenant = 1');
                """))).isEmpty();
    }
}
