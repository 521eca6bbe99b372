package dev.migrator.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of migrator ({@code migrator.*}). Defaults equal
 * migrator-core's {@code dev.migrator.MigratorConfig.DEFAULT_*} constants (a test checks
 * they agree).
 */
@ConfigurationProperties("migrator")
public class MigratorProperties {

    /**
     * Whether to enable migrator.
     */
    private boolean enabled = true;

    /**
     * Whether to migrate while the application starts. When false nothing is changed at
     * start-up, but status, health and endpoint still work (e.g. when a Kubernetes Job
     * migrates).
     */
    private boolean runOnStartup = true;

    /**
     * Locations of migration scripts, 'classpath:' or 'filesystem:' prefixed.
     */
    private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/migration"));

    /**
     * Schema of the history table. Defaults to the connection's current schema.
     */
    private String schema;

    /**
     * Name of the history table.
     */
    private String table = "schema_migrations";

    /**
     * Whether to create the configured schema when it does not exist.
     */
    private boolean createSchema = true;

    /**
     * Whether to validate migrations before migrating.
     */
    private boolean validateOnMigrate = true;

    /**
     * Whether to apply pending migrations whose version is below the highest applied one.
     */
    private boolean outOfOrder = false;

    /**
     * Whether to tolerate applied migrations whose files are gone.
     */
    private boolean ignoreMissing = false;

    /**
     * Whether to baseline a schema that has tables but no history table when migrating.
     */
    private boolean baselineOnMigrate = false;

    /**
     * Version recorded when baselining.
     */
    private String baselineVersion = "1";

    /**
     * Description recorded when baselining.
     */
    private String baselineDescription = "<< baseline >>";

    /**
     * Maximum time to wait for another instance's migration lock.
     */
    private Duration lockWaitTimeout = Duration.ofMinutes(10);

    /**
     * PostgreSQL lock_timeout for each migration's statements. Zero waits forever.
     */
    private Duration lockTimeout = Duration.ofSeconds(10);

    /**
     * Number of retries of a migration that failed on lock_timeout.
     */
    private int lockRetries = 3;

    /**
     * PostgreSQL statement_timeout for each migration's statements. Zero means none.
     */
    private Duration statementTimeout = Duration.ZERO;

    /**
     * JDBC URL of the database to migrate, for a separate unpooled connection. Defaults
     * to the application's DataSource.
     */
    private String url;

    /**
     * Login user of the database to migrate (e.g. the DDL owner role).
     */
    private String user;

    /**
     * Login password of the database to migrate.
     */
    private String password;

    /**
     * Health indicator settings.
     */
    @NestedConfigurationProperty
    private final MigratorHealthProperties health = new MigratorHealthProperties();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isRunOnStartup() {
        return this.runOnStartup;
    }

    public void setRunOnStartup(boolean runOnStartup) {
        this.runOnStartup = runOnStartup;
    }

    public List<String> getLocations() {
        return this.locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getSchema() {
        return this.schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getTable() {
        return this.table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public boolean isCreateSchema() {
        return this.createSchema;
    }

    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    public boolean isValidateOnMigrate() {
        return this.validateOnMigrate;
    }

    public void setValidateOnMigrate(boolean validateOnMigrate) {
        this.validateOnMigrate = validateOnMigrate;
    }

    public boolean isOutOfOrder() {
        return this.outOfOrder;
    }

    public void setOutOfOrder(boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    public boolean isIgnoreMissing() {
        return this.ignoreMissing;
    }

    public void setIgnoreMissing(boolean ignoreMissing) {
        this.ignoreMissing = ignoreMissing;
    }

    public boolean isBaselineOnMigrate() {
        return this.baselineOnMigrate;
    }

    public void setBaselineOnMigrate(boolean baselineOnMigrate) {
        this.baselineOnMigrate = baselineOnMigrate;
    }

    public String getBaselineVersion() {
        return this.baselineVersion;
    }

    public void setBaselineVersion(String baselineVersion) {
        this.baselineVersion = baselineVersion;
    }

    public String getBaselineDescription() {
        return this.baselineDescription;
    }

    public void setBaselineDescription(String baselineDescription) {
        this.baselineDescription = baselineDescription;
    }

    public Duration getLockWaitTimeout() {
        return this.lockWaitTimeout;
    }

    public void setLockWaitTimeout(Duration lockWaitTimeout) {
        this.lockWaitTimeout = lockWaitTimeout;
    }

    public Duration getLockTimeout() {
        return this.lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockRetries() {
        return this.lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public Duration getStatementTimeout() {
        return this.statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public String getUrl() {
        return this.url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return this.user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return this.password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public MigratorHealthProperties getHealth() {
        return this.health;
    }

}
