package dev.migrator.internal.execute;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.Command;
import dev.migrator.ExecutedMigration;
import dev.migrator.MigrationListener;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;

/**
 * Tells every configured listener; a listener that throws is logged and does not disturb
 * the run.
 */
public final class Listeners implements MigrationListener {

    private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

    private final List<MigrationListener> listeners;

    public Listeners(List<MigrationListener> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<MigrationListener> call) {
        for (MigrationListener listener : this.listeners) {
            try {
                call.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Migration listener {} failed; the run goes on", listener.getClass().getName(), ex);
            }
        }
    }

    @Override
    public void runStarted(Command command) {
        each((l) -> l.runStarted(command));
    }

    @Override
    public void runFinished(Command command, Duration duration, Throwable failure) {
        each((l) -> l.runFinished(command, duration, failure));
    }

    @Override
    public void migrationStarted(MigrationType type, MigrationVersion version, String script) {
        each((l) -> l.migrationStarted(type, version, script));
    }

    @Override
    public void migrationFinished(ExecutedMigration migration, Throwable failure) {
        each((l) -> l.migrationFinished(migration, failure));
    }

    @Override
    public void lockWaited(Duration waited, boolean acquired) {
        each((l) -> l.lockWaited(waited, acquired));
    }

}
