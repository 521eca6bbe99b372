package dev.migrator.sample;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.Migrator;
import dev.migrator.RollbackResult;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's rollback scripts undo its migrations completely: after
 * {@code rollbackAll()} the schema holds nothing but the history table, and migrating
 * again rebuilds exactly the same schema.
 */
class RollbackTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    Migrator migrator;

    @BeforeEach
    void freshSchema() {
        db.reset();
        this.migrator = Migrator.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load();
    }

    @Test
    void migratingCreatesTheWholeSchema() {
        assertThat(this.migrator.migrate().applied()).hasSize(6);
        assertThat(SchemaCatalog.dump(db))
            .contains("relation athlete kind=r", "relation training_goal kind=r", "relation audit_log kind=r",
                    "index training_goal_athlete_target_idx CREATE INDEX training_goal_athlete_target_idx "
                            + "ON public.training_goal USING btree (athlete_id, target_date)")
            .anyMatch((line) -> line.startsWith("relation athlete_progress kind=v view="))
            .anyMatch((line) -> line.startsWith("column athlete.preferences jsonb null=NO default='{}'::jsonb"))
            .anyMatch((line) -> line.startsWith("function set_updated_at() CREATE OR REPLACE FUNCTION"))
            .anyMatch((line) -> line.startsWith("trigger athlete_set_updated_at "))
            .anyMatch((line) -> line.startsWith("trigger training_goal_set_updated_at "));
    }

    @Test
    void rollingEverythingBackLeavesOnlyTheHistoryTable() {
        this.migrator.migrate();

        RollbackResult rollback = this.migrator.rollbackAll();

        assertThat(rollback.rolledBack()).hasSize(5);
        assertThat(rollback.currentVersion()).isNull();
        assertThat(SchemaCatalog.dump(db)).isEmpty();
        assertThat(db.tableExists("schema_migrations")).isTrue();
    }

    @Test
    void migratingAgainAfterRollingEverythingBackRebuildsTheSameSchema() {
        this.migrator.migrate();
        List<String> migrated = SchemaCatalog.dump(db);
        this.migrator.rollbackAll();

        this.migrator.migrate();

        assertThat(SchemaCatalog.dump(db)).containsExactlyElementsOf(migrated);
        assertThat(this.migrator.status().pendingCount()).isZero();
    }

}
