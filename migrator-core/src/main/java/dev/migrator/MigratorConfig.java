package dev.migrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Immutable settings of a {@link Migrator}. Build one with {@link Migrator#configure()};
 * every setting is checked when {@link Builder#build()} (or {@link Builder#load()}) is
 * called, and a bad value is rejected with the setting's name in the message. The
 * defaults are the {@code DEFAULT_*} constants.
 */
public final class MigratorConfig {

    /** Default locations: {@value #DEFAULT_LOCATION}. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";

    /** Default history table name. */
    public static final String DEFAULT_TABLE = "schema_migrations";

    /** Whether a configured schema that does not exist is created, by default. */
    public static final boolean DEFAULT_CREATE_SCHEMA = true;

    /** Whether {@code migrate} validates first, by default. */
    public static final boolean DEFAULT_VALIDATE_ON_MIGRATE = true;

    /**
     * Whether pending migrations below the highest applied version may be applied, by
     * default.
     */
    public static final boolean DEFAULT_OUT_OF_ORDER = false;

    /** Whether applied migrations whose files are gone are tolerated, by default. */
    public static final boolean DEFAULT_IGNORE_MISSING = false;

    /**
     * Whether {@code migrate} baselines a non-empty schema without history, by default.
     */
    public static final boolean DEFAULT_BASELINE_ON_MIGRATE = false;

    /** Default baseline version. */
    public static final String DEFAULT_BASELINE_VERSION = "1";

    /** Default baseline description. */
    public static final String DEFAULT_BASELINE_DESCRIPTION = "<< baseline >>";

    /** Default time to wait for another instance's migration lock. */
    public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(10);

    /** Default {@code lock_timeout} for each migration's statements. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    /** Default number of retries of a migration that failed on {@code lock_timeout}. */
    public static final int DEFAULT_LOCK_RETRIES = 3;

    /** Default {@code statement_timeout} for each migration's statements (zero: none). */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;

    private final DataSource dataSource;

    private final List<String> locations;

    private final String schema;

    private final String table;

    private final boolean createSchema;

    private final boolean validateOnMigrate;

    private final boolean outOfOrder;

    private final boolean ignoreMissing;

    private final boolean baselineOnMigrate;

    private final MigrationVersion baselineVersion;

    private final String baselineDescription;

    private final Duration lockWaitTimeout;

    private final Duration lockTimeout;

    private final int lockRetries;

    private final Duration statementTimeout;

    private final ClassLoader classLoader;

    private final List<MigrationListener> listeners;

    private MigratorConfig(Builder b) {
        this.dataSource = b.dataSource;
        this.locations = SettingChecks.checkLocations(b.locations);
        this.schema = (b.schema == null || b.schema.isBlank()) ? null
                : SettingChecks.checkIdentifier("schema", b.schema);
        this.table = SettingChecks.checkIdentifier("table", b.table);
        this.createSchema = b.createSchema;
        this.validateOnMigrate = b.validateOnMigrate;
        this.outOfOrder = b.outOfOrder;
        this.ignoreMissing = b.ignoreMissing;
        this.baselineOnMigrate = b.baselineOnMigrate;
        this.baselineVersion = SettingChecks.checkVersion("baselineVersion", b.baselineVersion);
        this.baselineDescription = SettingChecks.checkDescription(b.baselineDescription);
        this.lockWaitTimeout = SettingChecks.checkDuration("lockWaitTimeout", b.lockWaitTimeout);
        this.lockTimeout = SettingChecks.checkDuration("lockTimeout", b.lockTimeout);
        this.statementTimeout = SettingChecks.checkDuration("statementTimeout", b.statementTimeout);
        if (b.lockRetries < 0) {
            throw new IllegalArgumentException("lockRetries must be 0 or more, but was " + b.lockRetries);
        }
        this.lockRetries = b.lockRetries;
        this.classLoader = (b.classLoader != null) ? b.classLoader : defaultClassLoader();
        this.listeners = List.copyOf(b.listeners);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return (context != null) ? context : MigratorConfig.class.getClassLoader();
    }

    /**
     * The data source migrations run on (two connections at most: one for the run, one
     * for its failure rows), or {@code null} when none is set: then only the file-only
     * work ({@link Migrator#files()}, {@link Migrator#checkFiles()}) runs, and every
     * command that touches the database fails naming this setting.
     */
    public DataSource getDataSource() {
        return this.dataSource;
    }

    /**
     * Where migration files are found: {@code classpath:} or {@code filesystem:}
     * locations.
     */
    public List<String> getLocations() {
        return this.locations;
    }

    /**
     * The schema of the history table, or {@code null} for the connection's current
     * schema.
     */
    public String getSchema() {
        return this.schema;
    }

    /** The history table's name. */
    public String getTable() {
        return this.table;
    }

    /** Whether a configured schema that does not exist is created. */
    public boolean isCreateSchema() {
        return this.createSchema;
    }

    /** Whether {@code migrate} validates before applying anything. */
    public boolean isValidateOnMigrate() {
        return this.validateOnMigrate;
    }

    /**
     * Whether pending migrations below the highest applied version are applied instead of
     * reported.
     */
    public boolean isOutOfOrder() {
        return this.outOfOrder;
    }

    /** Whether applied migrations whose files are gone are tolerated. */
    public boolean isIgnoreMissing() {
        return this.ignoreMissing;
    }

    /**
     * Whether {@code migrate} baselines a schema that has tables but no history table.
     */
    public boolean isBaselineOnMigrate() {
        return this.baselineOnMigrate;
    }

    /** The version {@code baselineOnMigrate} records. */
    public MigrationVersion getBaselineVersion() {
        return this.baselineVersion;
    }

    /** The description {@code baselineOnMigrate} records. */
    public String getBaselineDescription() {
        return this.baselineDescription;
    }

    /** How long to wait for another instance's migration lock before giving up. */
    public Duration getLockWaitTimeout() {
        return this.lockWaitTimeout;
    }

    /** {@code lock_timeout} for each migration's statements (zero: wait forever). */
    public Duration getLockTimeout() {
        return this.lockTimeout;
    }

    /** How often a migration that hit {@code lock_timeout} is retried. */
    public int getLockRetries() {
        return this.lockRetries;
    }

    /** {@code statement_timeout} for each migration's statements (zero: none). */
    public Duration getStatementTimeout() {
        return this.statementTimeout;
    }

    /** The class loader {@code classpath:} locations are read with. */
    public ClassLoader getClassLoader() {
        return this.classLoader;
    }

    /** The listeners told about runs. */
    public List<MigrationListener> getListeners() {
        return this.listeners;
    }

    /** A builder holding these settings, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataSource = this.dataSource;
        b.locations = new ArrayList<>(this.locations);
        b.schema = this.schema;
        b.table = this.table;
        b.createSchema = this.createSchema;
        b.validateOnMigrate = this.validateOnMigrate;
        b.outOfOrder = this.outOfOrder;
        b.ignoreMissing = this.ignoreMissing;
        b.baselineOnMigrate = this.baselineOnMigrate;
        b.baselineVersion = this.baselineVersion.toString();
        b.baselineDescription = this.baselineDescription;
        b.lockWaitTimeout = this.lockWaitTimeout;
        b.lockTimeout = this.lockTimeout;
        b.lockRetries = this.lockRetries;
        b.statementTimeout = this.statementTimeout;
        b.classLoader = this.classLoader;
        b.listeners = new ArrayList<>(this.listeners);
        return b;
    }

    /**
     * Collects settings; {@link #load()} checks them and returns the {@link Migrator}.
     */
    public static final class Builder {

        private DataSource dataSource;

        private List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

        private String schema;

        private String table = DEFAULT_TABLE;

        private boolean createSchema = DEFAULT_CREATE_SCHEMA;

        private boolean validateOnMigrate = DEFAULT_VALIDATE_ON_MIGRATE;

        private boolean outOfOrder = DEFAULT_OUT_OF_ORDER;

        private boolean ignoreMissing = DEFAULT_IGNORE_MISSING;

        private boolean baselineOnMigrate = DEFAULT_BASELINE_ON_MIGRATE;

        private String baselineVersion = DEFAULT_BASELINE_VERSION;

        private String baselineDescription = DEFAULT_BASELINE_DESCRIPTION;

        private Duration lockWaitTimeout = DEFAULT_LOCK_WAIT_TIMEOUT;

        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

        private int lockRetries = DEFAULT_LOCK_RETRIES;

        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;

        private ClassLoader classLoader;

        private List<MigrationListener> listeners = new ArrayList<>();

        Builder() {
        }

        /**
         * The data source to migrate; needed by every command that touches the database,
         * not by the file-only work ({@link Migrator#files()},
         * {@link Migrator#checkFiles()}).
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Where migration files are: {@code classpath:db/migration},
         * {@code filesystem:/opt/app/sql}, ...
         */
        public Builder locations(String... locations) {
            return locations(List.of(locations));
        }

        /** Where migration files are. */
        public Builder locations(List<String> locations) {
            this.locations = new ArrayList<>(locations);
            return this;
        }

        /**
         * The schema of the history table; {@code null} for the connection's current
         * schema.
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** The history table's name. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Whether to create a configured schema that does not exist. */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /** Whether {@code migrate} validates first. */
        public Builder validateOnMigrate(boolean validateOnMigrate) {
            this.validateOnMigrate = validateOnMigrate;
            return this;
        }

        /** Whether pending migrations below the highest applied version are applied. */
        public Builder outOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        /** Whether applied migrations whose files are gone are tolerated. */
        public Builder ignoreMissing(boolean ignoreMissing) {
            this.ignoreMissing = ignoreMissing;
            return this;
        }

        /**
         * Whether {@code migrate} baselines a schema that has tables but no history
         * table.
         */
        public Builder baselineOnMigrate(boolean baselineOnMigrate) {
            this.baselineOnMigrate = baselineOnMigrate;
            return this;
        }

        /** The version {@code baselineOnMigrate} records. */
        public Builder baselineVersion(String baselineVersion) {
            this.baselineVersion = baselineVersion;
            return this;
        }

        /** The description {@code baselineOnMigrate} records. */
        public Builder baselineDescription(String baselineDescription) {
            this.baselineDescription = baselineDescription;
            return this;
        }

        /** How long to wait for another instance's migration lock. */
        public Builder lockWaitTimeout(Duration lockWaitTimeout) {
            this.lockWaitTimeout = lockWaitTimeout;
            return this;
        }

        /** {@code lock_timeout} for each migration (zero: wait forever). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** How often a migration that hit {@code lock_timeout} is retried. */
        public Builder lockRetries(int lockRetries) {
            this.lockRetries = lockRetries;
            return this;
        }

        /** {@code statement_timeout} for each migration (zero: none). */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        /**
         * The class loader for {@code classpath:} locations (default: the thread's
         * context class loader).
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Adds a listener. */
        public Builder listener(MigrationListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Checks the settings and returns them. */
        public MigratorConfig build() {
            return new MigratorConfig(this);
        }

        /** Checks the settings and returns a {@link Migrator} using them. */
        public Migrator load() {
            return new Migrator(build());
        }

    }

}
