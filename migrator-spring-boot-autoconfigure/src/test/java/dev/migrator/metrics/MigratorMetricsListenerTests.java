package dev.migrator.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.migrator.Command;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags {@link MigratorMetricsListener} records.
 */
class MigratorMetricsListenerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final MigratorMetricsListener listener = new MigratorMetricsListener(this.registry);

    @Test
    void commandTagIsTheCommandsWireName() {
        this.listener.runFinished(Command.DRY_RUN, Duration.ofMillis(5), null);
        assertThat(this.registry.get(MigratorMetricsListener.RUN)
            .tag("command", "dry-run")
            .tag("outcome", "success")
            .timer()
            .count()).isEqualTo(1);
    }

    @Test
    void failedRunIsTaggedFailure() {
        this.listener.runFinished(Command.MIGRATE, Duration.ofMillis(5), new IllegalStateException("boom"));
        assertThat(this.registry.get(MigratorMetricsListener.RUN)
            .tag("command", "migrate")
            .tag("outcome", "failure")
            .timer()
            .count()).isEqualTo(1);
    }

}
