package dev.migrator.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migrator.Migrator;
import dev.migrator.health.MigrationsHealthIndicator;
import dev.migrator.health.MigrationsReadinessGroupPostProcessor;

/**
 * Auto-configuration of the {@code migrations} health indicator and its membership of the
 * Kubernetes {@code readiness} group. Switched off with
 * {@code management.health.migrations.enabled=false}; the readiness membership alone with
 * {@code migrator.health.readiness=false} or by configuring
 * {@code management.endpoint.health.group.readiness.include} explicitly.
 */
@AutoConfiguration(after = { MigratorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class })
@ConditionalOnClass({ Migrator.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ Migrator.class, CachedMigrationStatus.class })
@ConditionalOnEnabledHealthIndicator("migrations")
public class MigratorHealthAutoConfiguration {

    /** The health indicator, named {@code migrations}. */
    @Bean
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    public MigrationsHealthIndicator migrationsHealthIndicator(CachedMigrationStatus status) {
        return new MigrationsHealthIndicator(status);
    }

    /**
     * Adds {@code migrations} to the readiness group unless opted out. Needs Actuator
     * (health groups are an endpoint's), as Boot's own availability probes do.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(value = HealthEndpointGroupsPostProcessor.class,
            name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnBooleanProperty(name = "migrator.health.readiness", matchIfMissing = true)
    @Conditional(NoExplicitReadinessMembersCondition.class)
    public static class ReadinessConfiguration {

        /**
         * Runs after Boot's availability probes post-processor (same order, registered
         * later).
         */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        public MigrationsReadinessGroupPostProcessor migrationsReadinessGroupPostProcessor() {
            return new MigrationsReadinessGroupPostProcessor("migrations");
        }

    }

    /** Matches unless the readiness group's members are configured explicitly. */
    static final class NoExplicitReadinessMembersCondition extends SpringBootCondition {

        private static final String PREFIX = "management.endpoint.health.group.readiness.";

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Binder binder = Binder.get(context.getEnvironment());
            for (String property : new String[] { "include", "exclude" }) {
                if (binder.bind(PREFIX + property, Bindable.setOf(String.class)).isBound()) {
                    return ConditionOutcome.noMatch(PREFIX + property + " is set: readiness members are explicit");
                }
            }
            return ConditionOutcome.match("readiness members are not configured explicitly");
        }

    }

}
