package dev.migrator;

/**
 * The settings of {@link MigratorConfig}, by their builder names. A
 * {@link MigratorException} about a setting names it by this neutral name and carries it
 * ({@link MigratorException#getSetting()}), so each front end can show its own name for
 * it: a Spring Boot property, a command-line flag, a Maven parameter. The builder's
 * {@code classLoader} and {@code listener} are wiring, not settings a user sets, and have
 * no constant.
 */
public enum Setting {

    /** {@link MigratorConfig.Builder#dataSource}: where to connect. */
    DATA_SOURCE("dataSource"),

    /**
     * {@link MigratorConfig.Builder#locations(java.util.List)}: where the migration files
     * are.
     */
    LOCATIONS("locations"),

    /** {@link MigratorConfig.Builder#schema}: the schema of the history table. */
    SCHEMA("schema"),

    /** {@link MigratorConfig.Builder#table}: the name of the history table. */
    TABLE("table"),

    /**
     * {@link MigratorConfig.Builder#createSchema}: whether a missing schema is created.
     */
    CREATE_SCHEMA("createSchema"),

    /**
     * {@link MigratorConfig.Builder#validateOnMigrate}: whether migrate validates first.
     */
    VALIDATE_ON_MIGRATE("validateOnMigrate"),

    /**
     * {@link MigratorConfig.Builder#outOfOrder}: whether migrations below the current
     * version are applied.
     */
    OUT_OF_ORDER("outOfOrder"),

    /**
     * {@link MigratorConfig.Builder#ignoreMissing}: whether applied migrations without a
     * file are accepted.
     */
    IGNORE_MISSING("ignoreMissing"),

    /**
     * {@link MigratorConfig.Builder#baselineOnMigrate}: whether a non-empty schema
     * without history is baselined.
     */
    BASELINE_ON_MIGRATE("baselineOnMigrate"),

    /**
     * {@link MigratorConfig.Builder#baselineVersion}: the version
     * {@code baselineOnMigrate} records.
     */
    BASELINE_VERSION("baselineVersion"),

    /**
     * {@link MigratorConfig.Builder#baselineDescription}: the description of a baseline
     * row.
     */
    BASELINE_DESCRIPTION("baselineDescription"),

    /**
     * {@link MigratorConfig.Builder#lockWaitTimeout}: how long to wait for another
     * instance's migration lock.
     */
    LOCK_WAIT_TIMEOUT("lockWaitTimeout"),

    /**
     * {@link MigratorConfig.Builder#lockTimeout}: PostgreSQL's {@code lock_timeout} while
     * a migration runs.
     */
    LOCK_TIMEOUT("lockTimeout"),

    /**
     * {@link MigratorConfig.Builder#lockRetries}: how often a migration is retried after
     * {@code lock_timeout}.
     */
    LOCK_RETRIES("lockRetries"),

    /**
     * {@link MigratorConfig.Builder#statementTimeout}: PostgreSQL's
     * {@code statement_timeout} for migrations.
     */
    STATEMENT_TIMEOUT("statementTimeout");

    private final String builderName;

    Setting(String builderName) {
        this.builderName = builderName;
    }

    /**
     * The name of the {@link MigratorConfig.Builder} method that sets it, e.g.
     * {@code lockWaitTimeout}.
     */
    public String builderName() {
        return this.builderName;
    }

}
