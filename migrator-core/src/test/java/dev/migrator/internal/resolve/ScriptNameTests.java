package dev.migrator.internal.resolve;

import org.junit.jupiter.api.Test;

import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScriptNameTests {

    @Test
    void underscoreSeparatedVersionedName() {
        ScriptName name = ScriptName.migration("001_initial_schema.sql");
        assertThat(name.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(name.version()).hasToString("001");
        assertThat(name.description()).isEqualTo("initial schema");
    }

    @Test
    void hyphenSeparatedVersionedName() {
        ScriptName name = ScriptName.migration("002-add-audit-logs.sql");
        assertThat(name.version()).hasToString("002");
        assertThat(name.description()).isEqualTo("add audit logs");
    }

    @Test
    void timestampVersion() {
        assertThat(ScriptName.migration("20261122093000_add_index.sql").version()).hasToString("20261122093000");
    }

    @Test
    void dottedVersion() {
        ScriptName name = ScriptName.migration("2.1_fix.sql");
        assertThat(name.version()).isEqualTo(MigrationVersion.parse("2.1"));
        assertThat(name.description()).isEqualTo("fix");
    }

    @Test
    void flywayVersionedName() {
        ScriptName name = ScriptName.migration("V3__add_users_table.sql");
        assertThat(name.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(name.version()).hasToString("3");
        assertThat(name.description()).isEqualTo("add users table");
    }

    @Test
    void repeatableName() {
        ScriptName name = ScriptName.migration("R__refresh_views.sql");
        assertThat(name.type()).isEqualTo(MigrationType.REPEATABLE);
        assertThat(name.version()).isNull();
        assertThat(name.description()).isEqualTo("refresh views");
    }

    @Test
    void mixedSeparatorsInDescriptionBecomeSingleSpaces() {
        assertThat(ScriptName.migration("1__add--audit_-logs_.sql").description()).isEqualTo("add audit logs");
    }

    @Test
    void rollbackNames() {
        assertThat(ScriptName.rollback("001_undo.sql").version()).hasToString("001");
        assertThat(ScriptName.rollback("2-undo.sql").version()).hasToString("2");
        assertThat(ScriptName.rollback("U3__undo.sql").version()).hasToString("3");
        assertThat(ScriptName.rollback("U3__undo.sql").type()).isEqualTo(MigrationType.ROLLBACK);
    }

    @Test
    void nameWithoutVersionIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("init.sql"))
            .withMessage("does not start with a version");
    }

    @Test
    void versionWithoutDescriptionIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("001.sql"))
            .withMessage("has no '_' or '-' between version and description");
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("001_.sql"))
            .withMessage("has no description");
    }

    @Test
    void malformedDottedVersionIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("1..2_x.sql"))
            .withMessageContaining("'1..2'");
    }

    @Test
    void flywayUnderscoreVersionIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("V1_1__x.sql"))
            .withMessageContaining("'1_1'")
            .withMessageContaining("rename it to V1.1__x.sql");
    }

    @Test
    void lowerCaseFlywayPrefixIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("v1__x.sql"))
            .withMessage("does not start with a version");
    }

    @Test
    void undoScriptOutsideRollbackDirectoryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.migration("U1__x.sql"))
            .withMessageContaining("rollback/");
    }

    @Test
    void repeatableInRollbackDirectoryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptName.rollback("R__x.sql"))
            .withMessageContaining("repeatable");
    }

}
