package dev.migrator;

import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status calculation and the status counts read "applied" from the one definition,
 * {@link MigrationState}.
 */
class AppliedDefinitionTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void anOutdatedRepeatableCountsAsPendingAndNotAsApplied() {
        this.files.file("1_t.sql", "create table t (id int, name text);")
            .file("R__t_view.sql", "create or replace view t_view as select id from t;");
        this.files.migrator().migrate();
        this.files.file("R__t_view.sql", "create or replace view t_view as select id, name from t;");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.inState(MigrationState.OUTDATED)).hasSize(1);
        assertThat(status.appliedCount()).isEqualTo(1);
        assertThat(status.pendingCount()).isEqualTo(1);
    }

    @Test
    void appliedPendingAndFailedCountEachMigrationOnce() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("R__v.sql", "create or replace view v as select 1 as x;");
        this.files.migrator().migrate();
        this.files.file("R__v.sql", "create or replace view v as select 2 as x;")
            .file("2_b.sql", "create table b (id bigint);")
            .file("3_c.sql", "create table c (id int);");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.CHANGED, MigrationState.PENDING,
                    MigrationState.OUTDATED);
        assertThat(status.appliedCount() + status.pendingCount() + status.failedCount())
            .isEqualTo(status.migrations().size());
    }

    @Test
    void theCurrentVersionIsTheHighestVersionInAnAppliedState() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("3_c.sql", "create table c (id int);");
        this.files.migrator().migrate();
        this.files.file("2_b.sql", "create table b (id bigint);").delete("3_c.sql");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.CHANGED, MigrationState.FUTURE);
        MigrationVersion highestApplied = status.migrations()
            .stream()
            .filter((m) -> m.state().isApplied())
            .map(MigrationInfo::version)
            .max(Comparator.naturalOrder())
            .orElseThrow();
        assertThat(status.currentVersion()).isEqualTo(highestApplied).hasToString("3");
    }

}
