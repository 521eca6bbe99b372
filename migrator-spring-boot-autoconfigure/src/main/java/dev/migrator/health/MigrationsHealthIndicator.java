package dev.migrator.health;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationStatus;
import dev.migrator.autoconfigure.CachedMigrationStatus;
import dev.migrator.autoconfigure.CachedMigrationStatus.Snapshot;

/**
 * The {@code migrations} health indicator. {@code UP} when the database is at this
 * application's version; {@code OUT_OF_SERVICE} while migrations are pending (outdated
 * repeatable ones included, see {@link MigrationState#isPending()}); {@code DOWN} when a
 * migration failed, an applied migration's file changed, or the status cannot be read.
 * Migrations applied by a newer release ({@code future}) keep it {@code UP}. Reads a
 * {@link CachedMigrationStatus}, so probes never cost more than one query per
 * time-to-live.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

    private final CachedMigrationStatus status;

    /**
     * Creates the indicator.
     * @param status the cached status to read
     */
    public MigrationsHealthIndicator(CachedMigrationStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        Snapshot snapshot = this.status.get();
        if (snapshot.failure() != null) {
            return Health.down(snapshot.failure()).build();
        }
        MigrationStatus current = snapshot.status();
        Health.Builder builder = Health.unknown();
        if (current.currentVersionText() != null) {
            builder.withDetail("currentVersion", current.currentVersionText());
        }
        builder.withDetail("pending", current.pendingCount()).withDetail("failed", current.failedCount());
        addScripts(builder, "future", current.inState(MigrationState.FUTURE));
        addScripts(builder, "changed", current.inState(MigrationState.CHANGED));
        addScripts(builder, "missing", current.inState(MigrationState.MISSING));
        if (current.failedCount() > 0 || current.count(MigrationState.CHANGED) > 0) {
            return builder.down().build();
        }
        if (current.pendingCount() > 0) {
            return builder.outOfService().build();
        }
        return builder.up().build();
    }

    private static void addScripts(Health.Builder builder, String detail, List<MigrationInfo> migrations) {
        if (!migrations.isEmpty()) {
            builder.withDetail(detail,
                    migrations.stream().map((m) -> (m.versionText() != null) ? m.versionText() : m.script()).toList());
        }
    }

}
