package dev.migrator.autoconfigure;

import java.time.Duration;

/**
 * Settings of the {@code migrations} health indicator ({@code migrator.health.*}).
 */
public class MigratorHealthProperties {

    /**
     * How long a migration status is reused by the health indicator and the gauges before
     * the database is asked again.
     */
    private Duration cacheTtl = Duration.ofSeconds(5);

    /**
     * Whether the 'migrations' health indicator is added to the readiness group when
     * Kubernetes probes are enabled and the group's members are not configured
     * explicitly.
     */
    private boolean readiness = true;

    public Duration getCacheTtl() {
        return this.cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }

    public boolean isReadiness() {
        return this.readiness;
    }

    public void setReadiness(boolean readiness) {
        this.readiness = readiness;
    }

}
