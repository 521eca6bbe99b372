package dev.migrator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrateTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void appliesPendingMigrationsInVersionOrder() {
        this.files.file("10_third.sql", "insert into log values ('10');")
            .file("9_second.sql", "insert into log values ('9');")
            .file("1_create_log.sql", "create table log (v text);");
        MigrateResult result = this.files.migrator().migrate();
        assertThat(result.applied()).extracting(ExecutedMigration::versionText).containsExactly("1", "9", "10");
        assertThat(result.initialVersion()).isNull();
        assertThat(result.currentVersion()).hasToString("10");
        assertThat(db.column("select v from log")).containsExactly("9", "10");
    }

    @Test
    void recordsOneCompletedRowPerMigration() {
        this.files.file("001_create_users.sql", "create table users (id bigint);")
            .file("002-add-audit-logs.sql", "create table audit_logs (id bigint);");
        this.files.migrator().migrate();
        assertThat(db.column("select version || '|' || description || '|' || type || '|' || script || '|' || status "
                + "|| '|' || length(checksum) || '|' || (applied_by = current_user) || '|' || (error_message is null) "
                + "from schema_migrations order by id"))
            .containsExactly("001|create users|versioned|001_create_users.sql|completed|64|true|true",
                    "002|add audit logs|versioned|002-add-audit-logs.sql|completed|64|true|true");
    }

    @Test
    void firstStartSendsNoStatementThatFails() throws InterruptedException {
        this.files.file("1_a.sql", "create table a (id int);");
        long[] before = transactionStats();
        this.files.migrator().migrate();
        long[] after = transactionStats();
        for (int i = 0; i < 100 && after[0] == before[0]; i++) {
            Thread.sleep(20); // a session's statistics reach pg_stat_database when it
                              // ends
            after = transactionStats();
        }
        assertThat(after[0]).as("commits").isGreaterThan(before[0]);
        assertThat(after[1]).as("rollbacks (a failing statement in auto-commit is one)").isEqualTo(before[1]);
    }

    private static long[] transactionStats() {
        String[] parts = db
            .value("select xact_commit || ' ' || xact_rollback from pg_stat_database "
                    + "where datname = current_database()")
            .split(" ");
        return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
    }

    @Test
    void secondMigrateIsANoOp() {
        this.files.file("1_a.sql", "create table a (id int);");
        this.files.migrator().migrate();
        MigrateResult second = this.files.migrator().migrate();
        assertThat(second.applied()).isEmpty();
        assertThat(second.initialVersion()).hasToString("1");
        assertThat(db.value("select count(*) from schema_migrations")).isEqualTo("1");
    }

    @Test
    void createsTheHistoryTableWithTheContractColumns() {
        this.files.file("1_a.sql", "select 1;");
        this.files.migrator().migrate();
        assertThat(db.column("select column_name || ' ' || data_type || coalesce('(' || character_maximum_length "
                + "|| ')', '') || ' ' || is_nullable from information_schema.columns "
                + "where table_name = 'schema_migrations' order by ordinal_position"))
            .containsExactly("id bigint NO", "version character varying(50) YES",
                    "description character varying(200) NO", "type character varying(20) NO",
                    "script character varying(1000) NO", "checksum character varying(64) YES",
                    "status character varying(20) NO", "applied_by character varying(100) NO",
                    "applied_at timestamp with time zone NO", "duration_ms integer NO", "error_message text YES");
    }

    @Test
    void failingMigrationIsRolledBackCompletelyAndRecordedAsFailed() {
        this.files.file("1_ok.sql", "create table ok (id int);")
            .file("2_broken.sql", "create table half (id int);\ninsert into nowhere values (1);");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.getScript()).endsWith("2_broken.sql");
                assertThat(ex.getSqlState()).isEqualTo("42P01");
                assertThat(ex.getMessage()).contains("2_broken.sql")
                    .contains("42P01")
                    .contains("Nothing of this migration was applied");
            });
        assertThat(db.tableExists("ok")).isTrue();
        assertThat(db.tableExists("half")).isFalse();
        assertThat(db.column("select version || ' ' || status from schema_migrations order by id"))
            .containsExactly("1 completed", "2 failed");
        assertThat(db.value("select error_message from schema_migrations where status = 'failed'")).contains("42P01")
            .contains("2_broken.sql");
    }

    @Test
    void failedMigrationIsRetriedByTheNextRunOnceFixed() {
        this.files.file("1_broken.sql", "create table t (id int);\nselect * from nowhere;");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate());
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.FAILED);
        this.files.file("1_broken.sql", "create table t (id int);");
        MigrateResult result = this.files.migrator().migrate();
        assertThat(result.applied()).hasSize(1);
        assertThat(db.column("select status from schema_migrations order by id")).containsExactly("failed",
                "completed");
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED);
    }

    @Test
    void repeatableRunsAfterVersionedAndAgainWhenItChanges() {
        this.files.file("1_t.sql", "create table t (id int, name text);")
            .file("R__t_view.sql", "create or replace view t_view as select id from t;");
        MigrateResult first = this.files.migrator().migrate();
        assertThat(first.applied()).extracting(ExecutedMigration::type)
            .containsExactly(MigrationType.VERSIONED, MigrationType.REPEATABLE);
        assertThat(this.files.migrator().migrate().applied()).isEmpty();
        this.files.file("R__t_view.sql", "create or replace view t_view as select id, name from t;");
        assertThat(this.files.migrator().status().migrations()).extracting(MigrationInfo::state)
            .containsExactly(MigrationState.APPLIED, MigrationState.OUTDATED);
        MigrateResult third = this.files.migrator().migrate();
        assertThat(third.applied()).extracting(ExecutedMigration::description).containsExactly("t view");
        assertThat(db.column("select column_name from information_schema.columns where table_name = 't_view' "
                + "order by ordinal_position"))
            .containsExactly("id", "name");
        assertThat(db.column("select coalesce(version, '-') || ' ' || type from schema_migrations order by id"))
            .containsExactly("1 versioned", "- repeatable", "- repeatable");
    }

    @Test
    void historyTableGoesIntoAConfiguredSchemaThatIsCreated() {
        this.files.file("1_a.sql", "create table public.a (id int);");
        this.files.config().schema("migrations").load().migrate();
        assertThat(db.tableExists("migrations.schema_migrations")).isTrue();
        assertThat(db.tableExists("public.schema_migrations")).isFalse();
    }

    @Test
    void missingSchemaIsAnErrorWhenCreateSchemaIsOff() {
        this.files.file("1_a.sql", "select 1;");
        assertThatExceptionOfType(MigratorException.class)
            .isThrownBy(() -> this.files.config().schema("nope").createSchema(false).load().migrate())
            .withMessageContaining("\"nope\" does not exist")
            .withMessageContaining("createSchema");
    }

    @Test
    void configuredTableNameIsUsed() {
        this.files.file("1_a.sql", "select 1;");
        this.files.config().table("my_history").load().migrate();
        assertThat(db.value("select count(*) from my_history")).isEqualTo("1");
    }

    @Test
    void refusesATableOfAnotherToolWithTheSameName() {
        db.execute("create table schema_migrations (version bigint primary key, dirty boolean not null)");
        this.files.file("1_a.sql", "create table a (id int);");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().migrate())
            .withMessageContaining("is not a migrator history table")
            .withMessageContaining("columns found: version bigint, dirty boolean")
            .withMessageContaining("'table' setting");
        assertThat(db.tableExists("a")).isFalse();
        assertThat(db.value("select count(*) from schema_migrations")).isEqualTo("0");
    }

    @Test
    void refusesAHistoryTableOfANewerFormat() {
        this.files.file("1_a.sql", "select 1;");
        this.files.migrator().migrate();
        db.execute("comment on table schema_migrations is 'migrator history, format 2'");
        assertThatExceptionOfType(MigratorException.class).isThrownBy(() -> this.files.migrator().migrate())
            .withMessageContaining("written by a newer migrator")
            .withMessageContaining("format 2");
    }

    @Test
    void emptyFileIsRecordedAsAppliedWithoutRunningAnything() {
        this.files.file("1_empty.sql", "").file("2_comments.sql", "-- nothing yet\n");
        MigrateResult result = this.files.migrator().migrate();
        assertThat(result.applied()).hasSize(2);
        assertThat(db.column("select status from schema_migrations")).containsExactly("completed", "completed");
    }

    @Test
    void sessionSettingsOfAMigrationDoNotLeakIntoTheNext() {
        this.files.file("1_set.sql", "set timezone = 'Pacific/Kiritimati';\nset lock_timeout = '1ms';")
            .file("2_check.sql", "create table tz as select current_setting('TimeZone') as tz, "
                    + "current_setting('lock_timeout') as lt;");
        this.files.migrator().migrate();
        assertThat(db.value("select tz from tz")).isNotEqualTo("Pacific/Kiritimati");
        assertThat(db.value("select lt from tz")).isEqualTo("10s");
    }

    @Test
    void settingsChangedByDynamicSqlInADoBlockDoNotLeakIntoTheNext() {
        this.files
            .file("1_set.sql",
                    "create table t (id int);\ndo $$ begin execute 'set timezone = ''Pacific/Kiritimati'''; "
                            + "execute 'set myapp.tenant = ''leaked'''; end $$;")
            .file("2_check.sql", "create table tz as select current_setting('TimeZone') as tz, "
                    + "current_setting('myapp.tenant', true) as tenant;");
        this.files.migrator().migrate();
        assertThat(db.value("select tz from tz")).isNotEqualTo("Pacific/Kiritimati");
        assertThat(db.value("select coalesce(tenant, '') from tz")).isEmpty();
    }

    @Test
    void migrationsRunWithConfiguredLockAndStatementTimeouts() {
        this.files.file("1_check.sql", "create table t as select current_setting('lock_timeout') as lt, "
                + "current_setting('statement_timeout') as st;");
        this.files.config().lockTimeout(Duration.ofSeconds(3)).statementTimeout(Duration.ofMinutes(1)).load().migrate();
        assertThat(db.value("select lt || ' ' || st from t")).isEqualTo("3s 1min");
    }

    @Test
    void listenerHearsRunAndEachMigration() {
        List<String> events = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void runStarted(Command command) {
                events.add("run " + command.id());
            }

            @Override
            public void runFinished(Command command, Duration duration, Throwable failure) {
                events.add("done " + command.id() + " " + (failure == null));
            }

            @Override
            public void migrationFinished(ExecutedMigration migration, Throwable failure) {
                events.add(migration.type().id() + " " + migration.versionText() + " " + (failure == null));
            }

            @Override
            public void lockWaited(Duration waited, boolean acquired) {
                events.add("lock " + acquired);
            }
        };
        this.files.file("1_a.sql", "select 1;").file("2_b.sql", "select nope;");
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(() -> this.files.config().listener(listener).load().migrate());
        assertThat(events).containsExactly("run migrate", "lock true", "versioned 1 true", "versioned 2 false",
                "done migrate false");
    }

    @Test
    void statusMergesFilesAndHistory() {
        this.files.file("1_a.sql", "create table a (id int);")
            .file("2_b.sql", "create table b (id int);")
            .file("rollback/1_a.sql", "drop table a;");
        this.files.config().load().migrate();
        this.files.file("3_c.sql", "select 1;");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.currentVersionText()).isEqualTo("2");
        assertThat(status.schema()).isEqualTo("public");
        assertThat(status.table()).isEqualTo("schema_migrations");
        assertThat(status.migrations())
            .extracting(MigrationInfo::versionText, MigrationInfo::state, MigrationInfo::rollbackScript)
            .containsExactly(Tuple.tuple("1", MigrationState.APPLIED, "rollback/1_a.sql"),
                    Tuple.tuple("2", MigrationState.APPLIED, null), Tuple.tuple("3", MigrationState.PENDING, null));
        assertThat(status.appliedCount()).isEqualTo(2);
        assertThat(status.pendingCount()).isEqualTo(1);
        MigrationInfo first = status.migrations().get(0);
        assertThat(first.appliedAt()).isNotNull();
        assertThat(first.appliedBy()).isEqualTo(db.user());
        assertThat(first.duration()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void statusOfAnUntouchedDatabaseShowsEverythingPending() {
        this.files.file("1_a.sql", "select 1;");
        MigrationStatus status = this.files.migrator().status();
        assertThat(status.currentVersion()).isNull();
        assertThat(status.migrations()).extracting(MigrationInfo::state).containsExactly(MigrationState.PENDING);
        assertThat(db.tableExists("schema_migrations")).isFalse();
    }

    @Test
    void historyListsEveryAttemptOfAVersion() {
        this.files.file("01_x.sql", "select nope;");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate());
        this.files.file("01_x.sql", "select 1;");
        this.files.migrator().migrate();
        assertThat(this.files.migrator().history("1")).extracting(HistoryEntry::status)
            .containsExactly("failed", "completed");
        assertThat(this.files.migrator().history("2")).isEmpty();
    }

}
