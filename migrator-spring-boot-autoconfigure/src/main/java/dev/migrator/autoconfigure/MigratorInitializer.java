package dev.migrator.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

import dev.migrator.Migrator;

/**
 * Migrates while the application context starts: calls the {@link MigrationStrategy} (by
 * default {@link Migrator#migrate()}) when the bean is initialized. Beans that depend on
 * database initialization (JPA, {@code JdbcTemplate}, {@code JdbcClient}, jOOQ, ...) are
 * created after it. An exception stops the start-up.
 */
public class MigratorInitializer implements InitializingBean, Ordered {

    private static final Logger logger = LoggerFactory.getLogger(MigratorInitializer.class);

    private final Migrator migrator;

    private final MigrationStrategy strategy;

    private final StartupRunRecorder recorder;

    private final boolean runOnStartup;

    private int order;

    /**
     * Creates an initializer.
     * @param migrator the migrator
     * @param strategy what to do, or {@code null} to migrate
     * @param recorder where the run is recorded for the endpoint
     * @param runOnStartup whether to do anything at all
     */
    public MigratorInitializer(Migrator migrator, MigrationStrategy strategy, StartupRunRecorder recorder,
            boolean runOnStartup) {
        Assert.notNull(migrator, "'migrator' must not be null");
        Assert.notNull(recorder, "'recorder' must not be null");
        this.migrator = migrator;
        this.strategy = (strategy != null) ? strategy : Migrator::migrate;
        this.recorder = recorder;
        this.runOnStartup = runOnStartup;
    }

    @Override
    public void afterPropertiesSet() {
        if (!this.runOnStartup) {
            logger.info("Not migrating at start-up (migrator.run-on-startup=false)");
            this.recorder.skipped();
            return;
        }
        this.recorder.started();
        try {
            this.strategy.migrate(this.migrator);
        }
        catch (RuntimeException | Error ex) {
            this.recorder.finished(ex);
            throw ex;
        }
        this.recorder.finished(null);
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    /** Sets the order of this initializer among other database initializers. */
    public void setOrder(int order) {
        this.order = order;
    }

}
