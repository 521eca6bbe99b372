package dev.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.ValidateResult.Kind;
import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the engine runs what the splitter finds: transaction modes, line numbers, errors
 * before execution.
 */
class ScriptHandlingTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void createIndexConcurrentlyRunsOutsideATransaction() {
        this.files.file("1_users.sql", "create table users (id int, email text);")
            .file("2_index.sql", "-- speeds up login\ncreate index concurrently users_email on users (email);");
        assertThat(this.files.migrator().migrate().applied()).hasSize(2);
        assertThat(db.value("select indisvalid from pg_index where indexrelid = 'users_email'::regclass"))
            .isEqualTo("t");
        assertThat(db.column("select status from schema_migrations order by id")).containsExactly("completed",
                "completed");
    }

    @Test
    void nonTransactionalFailurePartWayStopsLaterRunsUntilRepaired() {
        this.files.file("1_users.sql", "create table users (id int, email text);")
            .file("2_indexes.sql",
                    "create index concurrently users_id on users (id);\n\n"
                            + "create index concurrently users_bad on users (nope);\n"
                            + "create index concurrently users_email on users (email);");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.isTransactional()).isFalse();
                assertThat(ex.getStatementNumber()).isEqualTo(2);
                assertThat(ex.getStatementLine()).isEqualTo(3);
                assertThat(ex.getStatementsExecuted()).isEqualTo(1);
                assertThat(ex.getMessage()).contains("1 of 3 statements were applied");
            });
        assertThat(db.value("select error_message from schema_migrations where status = 'failed'"))
            .startsWith("non-transactional migration failed part-way: statement 2 of 3 (line 3)");
        assertThatExceptionOfType(ValidationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> assertThat(ex.getResult().problems()).extracting(ValidateResult.Problem::kind)
                .containsExactly(Kind.FAILED_NON_TRANSACTIONAL))
            .withMessageContaining("2_indexes.sql")
            .withMessageContaining("repair");
        assertThatExceptionOfType(ValidationFailedException.class)
            .isThrownBy(() -> this.files.config().validateOnMigrate(false).load().migrate());
        db.execute("drop index users_id");
        this.files.file("2_indexes.sql", "create index concurrently users_id on users (id);\n"
                + "create index concurrently users_email on users (email);");
        RepairResult repair = this.files.migrator().repair();
        assertThat(repair.clearedFailures()).containsExactly("2_indexes.sql");
        assertThat(this.files.migrator().status().migrations().get(1).state()).isEqualTo(MigrationState.PENDING);
        assertThat(this.files.migrator().migrate().applied()).extracting(ExecutedMigration::versionText)
            .containsExactly("2");
        assertThat(db.column(
                "select indexrelid::regclass::text from pg_index where indrelid = 'users'::regclass " + "order by 1"))
            .containsExactly("users_email", "users_id");
    }

    @Test
    void directiveForcesAMigrationOutOfTheTransaction() {
        this.files.file("1_vacuum_free.sql", "-- migrator:transaction=false\ncreate table a (id int);\n"
                + "insert into a values (1);\ninsert into nope values (1);");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> assertThat(ex.isTransactional()).isFalse());
        assertThat(db.value("select count(*) from a")).isEqualTo("1");
    }

    @Test
    void psqlStyleFileWithItsOwnTransactionCommitsWithItsHistoryRow() {
        this.files.file("1_enum.sql",
                "BEGIN;\ncreate type mood as enum ('sad', 'ok');\n" + "create table person (m mood);\nCOMMIT;\n");
        assertThat(this.files.migrator().migrate().applied()).hasSize(1);
        assertThat(db.tableExists("person")).isTrue();
        this.files.file("2_broken.sql", "BEGIN;\ncreate table half (id int);\nselect nope;\nCOMMIT;\n");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> assertThat(ex.isTransactional()).isTrue());
        assertThat(db.tableExists("half")).isFalse();
    }

    @Test
    void failingStatementIsReportedWithItsLineAndTheErrorPositionLine() {
        this.files.file("1_lines.sql", "create table a (id int);\n\n-- the next one fails on its third line\n"
                + "select id,\n       1\n  from nowhere;\n");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.getStatementNumber()).isEqualTo(2);
                assertThat(ex.getStatementLine()).isEqualTo(4);
                assertThat(ex.getErrorLine()).isEqualTo(6);
                assertThat(ex.getSqlState()).isEqualTo("42P01");
                assertThat(ex.getStatementExcerpt()).startsWith("select id,");
                assertThat(ex.getMessage()).contains("1_lines.sql").contains("line 4").contains("42P01");
            });
        assertThat(db.tableExists("a")).isFalse();
    }

    @Test
    void unsplittableScriptStopsTheRunBeforeAnythingIsApplied() {
        this.files.file("1_ok.sql", "create table ok (id int);")
            .file("2_bad.sql", "create table t (id int);\ninsert into t values ('unterminated);\n");
        assertThatExceptionOfType(InvalidMigrationException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.getScript()).endsWith("2_bad.sql");
                assertThat(ex.getLine()).isEqualTo(2);
            });
        assertThat(db.tableExists("ok")).isFalse();
        assertThat(this.files.migrator().validate().problems()).extracting(ValidateResult.Problem::kind)
            .containsExactly(Kind.INVALID_FILES);
    }

    @Test
    void copyFromStdinLoadsInlineData() {
        this.files.file("1_copy.sql", "create table city (name text, pop int);\n"
                + "copy city (name, pop) from stdin;\nOslo\t700000\nBergen\t\\N\n\\.\n");
        this.files.migrator().migrate();
        assertThat(db.column("select name || ':' || coalesce(pop::text, 'null') from city order by name"))
            .containsExactly("Bergen:null", "Oslo:700000");
    }

    @Test
    void dollarQuotedTriggerFunctionAndTriggerApply() {
        this.files.file("1_t.sql",
                "create table t (id int, updated_at timestamptz);\n"
                        + "create function touch() returns trigger language plpgsql as $$\nbegin\n"
                        + "  new.updated_at := now(); -- ; inside a comment\n  return new;\nend;\n$$;\n"
                        + "create trigger t_touch before update on t for each row execute function touch();\n");
        this.files.migrator().migrate();
        db.execute("insert into t values (1, null)");
        db.execute("update t set id = 2");
        assertThat(db.value("select updated_at is not null from t")).isEqualTo("t");
    }

}
