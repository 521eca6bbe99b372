package dev.migrator;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigratorConfigTests {

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @Test
    void defaultsAreTheDocumentedConstants() {
        MigratorConfig config = Migrator.configure().dataSource(this.dataSource).build();
        assertThat(config.getLocations()).containsExactly("classpath:db/migration");
        assertThat(config.getTable()).isEqualTo("schema_migrations");
        assertThat(config.getSchema()).isNull();
        assertThat(config.isCreateSchema()).isTrue();
        assertThat(config.isValidateOnMigrate()).isTrue();
        assertThat(config.isOutOfOrder()).isFalse();
        assertThat(config.isIgnoreMissing()).isFalse();
        assertThat(config.isBaselineOnMigrate()).isFalse();
        assertThat(config.getLockWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.getLockTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.getLockRetries()).isEqualTo(3);
        assertThat(config.getStatementTimeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void acceptsNoDataSourceForFileOnlyWork() {
        assertThat(Migrator.configure().build().getDataSource()).isNull();
    }

    @Test
    void rejectsATableNameCarryingSql() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).table("x; drop table y").build())
            .withMessageStartingWith("table must be a plain identifier")
            .withMessageContaining("'x; drop table y'");
    }

    @Test
    void rejectsASchemaNameWithQuotes() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).schema("a\"b").build())
            .withMessageStartingWith("schema must be a plain identifier");
    }

    @Test
    void rejectsIdentifiersLongerThan63Characters() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).table("t".repeat(64)).build())
            .withMessageContaining("at most 63 characters");
        assertThat(Migrator.configure().dataSource(this.dataSource).table("t".repeat(63)).build().getTable())
            .hasSize(63);
    }

    @Test
    void rejectsAnUnknownLocationPrefix() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).locations("http://x/sql").build())
            .withMessageContaining("unknown prefix 'http:'");
    }

    @Test
    void rejectsNegativeRetriesAndTimeouts() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).lockRetries(-1).build())
            .withMessageContaining("lockRetries");
        assertThatIllegalArgumentException()
            .isThrownBy(
                    () -> Migrator.configure().dataSource(this.dataSource).lockTimeout(Duration.ofSeconds(-1)).build())
            .withMessageContaining("lockTimeout");
    }

    @Test
    void rejectsAnInvalidBaselineVersion() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Migrator.configure().dataSource(this.dataSource).baselineVersion("v1").build())
            .withMessageStartingWith("baselineVersion:");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        MigratorConfig config = Migrator.configure()
            .dataSource(this.dataSource)
            .schema("app")
            .table("hist")
            .lockRetries(5)
            .outOfOrder(true)
            .build();
        MigratorConfig copy = config.toBuilder().build();
        assertThat(copy).usingRecursiveComparison().isEqualTo(config);
    }

}
