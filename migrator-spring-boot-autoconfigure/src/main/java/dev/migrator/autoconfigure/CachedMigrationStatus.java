package dev.migrator.autoconfigure;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.migrator.MigrationStatus;
import dev.migrator.Migrator;

/**
 * Keeps the latest {@link Migrator#status()} (or the error it ended with) for a
 * time-to-live, so readers polled often (health probes, metric scrapes) ask the database
 * at most once per time-to-live whatever their rate. Thread-safe: concurrent readers of
 * an expired entry wait for one query.
 */
public class CachedMigrationStatus {

    private final Migrator migrator;

    private final long ttlNanos;

    private final LongSupplier clock;

    private Snapshot snapshot;

    /**
     * Creates a cache.
     * @param migrator the migrator to ask
     * @param ttl how long a status (or its failure) is reused
     */
    public CachedMigrationStatus(Migrator migrator, Duration ttl) {
        this(migrator, ttl, System::nanoTime);
    }

    CachedMigrationStatus(Migrator migrator, Duration ttl, LongSupplier clock) {
        this.migrator = migrator;
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /**
     * The cached status, queried again when older than the time-to-live.
     * @return the snapshot: a status, or the exception the last query raised
     */
    public synchronized Snapshot get() {
        long now = this.clock.getAsLong();
        if (this.snapshot == null || now - this.snapshot.takenAt() >= this.ttlNanos) {
            this.snapshot = query(now);
        }
        return this.snapshot;
    }

    /** Forgets the cached status, e.g. after a command changed the database. */
    public synchronized void invalidate() {
        this.snapshot = null;
    }

    private Snapshot query(long now) {
        try {
            return new Snapshot(this.migrator.status(), null, now);
        }
        catch (RuntimeException ex) {
            return new Snapshot(null, ex, now);
        }
    }

    /**
     * One query's outcome.
     *
     * @param status the status, or {@code null} when the query failed
     * @param failure why the query failed, or {@code null}
     * @param takenAt when it was taken ({@link System#nanoTime()})
     */
    public record Snapshot(MigrationStatus status, RuntimeException failure, long takenAt) {
    }

}
