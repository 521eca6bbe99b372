package dev.migrator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.jdbc.PreferQueryMode;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A transactional migration, its history row and its commit travel together: what each
 * part does when it is the one that fails, and what the row records.
 */
class MigrationTransactionTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    @Test
    void deferredConstraintViolatedAtCommitFailsTheMigrationAndLeavesNothing() {
        this.files.file("1_parent.sql", "create table parent (id int primary key);")
            .file("2_orphan.sql", "create table child (parent_id int references parent "
                    + "deferrable initially deferred);\ninsert into child values (42);");
        assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.files.migrator().migrate())
            .satisfies((ex) -> {
                assertThat(ex.getScript()).endsWith("2_orphan.sql");
                assertThat(ex.getSqlState()).isEqualTo("23503");
                assertThat(ex.getMessage()).contains("violates foreign key constraint");
            });
        assertThat(db.tableExists("child")).isFalse();
        assertThat(db.column("select version || ' ' || status from schema_migrations order by id"))
            .containsExactly("1 completed", "2 failed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "extended", "extendedForPrepared", "simple" })
    void failingStatementLeavesNothingOfItsFileInEveryQueryModeOfTheDriver(String queryMode) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setPreferQueryMode(PreferQueryMode.of(queryMode));
        this.files.file("1_ok.sql", "create table a (id int);")
            .file("2_bad.sql", "create table b (id int);\ninsert into b values (1);\ninsert into nope values (1);\n"
                    + "insert into b values (2);");
        assertThatExceptionOfType(MigrationFailedException.class)
            .isThrownBy(() -> this.files.config(dataSource).load().migrate())
            .satisfies((ex) -> assertThat(ex.getStatementNumber()).isEqualTo(3))
            .satisfies((ex) -> assertThat(ex.getStatementLine()).isEqualTo(3));
        assertThat(db.tableExists("a")).isTrue();
        assertThat(db.tableExists("b")).isFalse();
        assertThat(db.column("select version || ' ' || status from schema_migrations order by id"))
            .containsExactly("1 completed", "2 failed");
    }

    @Test
    void historyRowKeepsQuotesAndBackslashesEvenWhenTheMigrationTurnsOffStandardStrings() {
        this.files.file("1_it's_a_back\\slash.sql", "set standard_conforming_strings = off;\ncreate table t (id int);");
        this.files.migrator().migrate();
        assertThat(db.value("select script from schema_migrations")).isEqualTo("1_it's_a_back\\slash.sql");
        assertThat(db.value("select description from schema_migrations")).isEqualTo("it's a back\\slash");
        assertThat(db.value("select checksum from schema_migrations"))
            .isEqualTo(this.files.migrator().status().migrations().get(0).checksum());
    }

    @Test
    void recordedDurationIncludesTheTimeSpentOnTheServer() {
        this.files.file("1_slow.sql", "create table t (id int);\nselect pg_sleep(0.3);");
        MigrateResult result = this.files.migrator().migrate();
        int recorded = Integer.parseInt(db.value("select duration_ms from schema_migrations"));
        assertThat(recorded).isGreaterThanOrEqualTo(300)
            .isLessThanOrEqualTo((int) result.applied().get(0).duration().toMillis());
    }

    @Test
    void sessionSettingsOfThePoolSurviveMigrationsThatChangeThem() {
        this.files.file("1_change.sql", "set myapp.tenant = 'changed by the migration';\nset search_path = pg_catalog;")
            .file("2_check.sql", "create table seen as select current_setting('myapp.tenant') as tenant, "
                    + "current_setting('search_path') as path;");
        this.files.config(withInitSql("set myapp.tenant = 'from the pool'; set search_path = public, pg_catalog"))
            .load()
            .migrate();
        assertThat(db.value("select tenant || ' | ' || path from seen"))
            .isEqualTo("from the pool | public, pg_catalog");
    }

    @Test
    void customSettingOfThePoolIsKeptWhenNoMigrationTouchesIt() {
        this.files.file("1_plain.sql", "create table t (id int);\nset timezone = 'UTC';")
            .file("2_check.sql", "create table seen as select current_setting('myapp.tenant') as tenant;");
        this.files.config(withInitSql("set myapp.tenant = 'from the pool'")).load().migrate();
        assertThat(db.value("select tenant from seen")).isEqualTo("from the pool");
    }

    /**
     * A data source that runs session SQL on every new connection, like a pool's
     * connection-init-sql.
     */
    private static DataSource withInitSql(String sql) {
        DataSource target = db.dataSource();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                    if (result instanceof Connection connection) {
                        try (Statement st = connection.createStatement()) {
                            st.execute(sql);
                        }
                    }
                    return result;
                });
    }

}
