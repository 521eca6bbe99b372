package dev.migrator.metrics;

import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.migrator.MigrationStatus;
import dev.migrator.autoconfigure.CachedMigrationStatus;

/**
 * Binds the {@code migrator.migrations} gauge, tag {@code state} ({@code applied},
 * {@code pending}, {@code failed}), grouped as {@link dev.migrator.MigrationState}
 * defines them, so no migration counts in two states (an outdated repeatable migration is
 * {@code pending}). Values come from a {@link CachedMigrationStatus}, so scrapes never
 * cost more than one query per time-to-live; while the status cannot be read the gauges
 * report {@code NaN}.
 */
public class MigrationsMeterBinder implements MeterBinder {

    /** Name of the gauge. */
    public static final String MIGRATIONS = "migrator.migrations";

    private final CachedMigrationStatus status;

    /**
     * Creates the binder.
     * @param status the cached status to read
     */
    public MigrationsMeterBinder(CachedMigrationStatus status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "applied", MigrationStatus::appliedCount);
        gauge(registry, "pending", MigrationStatus::pendingCount);
        gauge(registry, "failed", MigrationStatus::failedCount);
    }

    private void gauge(MeterRegistry registry, String state, ToIntFunction<MigrationStatus> count) {
        Gauge.builder(MIGRATIONS, this.status, (cache) -> {
            MigrationStatus current = cache.get().status();
            return (current != null) ? count.applyAsInt(current) : Double.NaN;
        }).description("Number of known migrations in a state").tag("state", state).register(registry);
    }

}
