package dev.migrator.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.migrator.MigrationStatus;
import dev.migrator.Migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * At most one status query per time-to-live, whatever the read rate; failures are cached
 * too.
 */
class CachedMigrationStatusTests {

    private final AtomicLong now = new AtomicLong(1_000);

    private final Migrator migrator = mock(Migrator.class);

    private final CachedMigrationStatus cache = new CachedMigrationStatus(this.migrator, Duration.ofSeconds(5),
            this.now::get);

    @Test
    void queriesOncePerTimeToLive() {
        MigrationStatus status = new MigrationStatus("public", "schema_migrations", null, List.of());
        given(this.migrator.status()).willReturn(status);
        for (int i = 0; i < 100; i++) {
            assertThat(this.cache.get().status()).isSameAs(status);
            this.now.addAndGet(Duration.ofMillis(10).toNanos());
        }
        verify(this.migrator, times(1)).status();
        this.now.addAndGet(Duration.ofSeconds(4).toNanos());
        this.cache.get();
        verify(this.migrator, times(2)).status();
    }

    @Test
    void cachesFailuresToo() {
        IllegalStateException down = new IllegalStateException("connection refused");
        given(this.migrator.status()).willThrow(down);
        assertThat(this.cache.get().failure()).isSameAs(down);
        assertThat(this.cache.get().failure()).isSameAs(down);
        verify(this.migrator, times(1)).status();
    }

    @Test
    void invalidateForcesANewQuery() {
        given(this.migrator.status()).willReturn(new MigrationStatus("public", "schema_migrations", null, List.of()));
        this.cache.get();
        this.cache.invalidate();
        this.cache.get();
        verify(this.migrator, times(2)).status();
    }

}
