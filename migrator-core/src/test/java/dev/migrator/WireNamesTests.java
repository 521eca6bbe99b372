package dev.migrator;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public enum whose values reach JSON or a metric tag has a kebab-case
 * {@code id()}.
 */
class WireNamesTests {

    private static final String KEBAB = "[a-z]+(-[a-z]+)*";

    @Test
    void validationProblemKindsAreKebabCase() {
        assertThat(ids(ValidateResult.Kind.values(), ValidateResult.Kind::id)).containsExactly("changed", "missing",
                "out-of-order", "invalid-files", "failed-non-transactional", "unrecognized-status");
    }

    @Test
    void dryRunOutcomesAreKebabCase() {
        assertThat(ids(DryRunResult.Outcome.values(), DryRunResult.Outcome::id)).containsExactly("success", "failure",
                "not-rehearsable", "not-reached");
    }

    @Test
    void migrationStatesAreKebabCase() {
        assertThat(MigrationState.BELOW_BASELINE.id()).isEqualTo("below-baseline");
        assertThat(ids(MigrationState.values(), MigrationState::id)).allMatch((id) -> id.matches(KEBAB));
    }

    @Test
    void migrationTypesStoredInTheHistoryTableAreSingleWords() {
        assertThat(ids(MigrationType.values(), MigrationType::id)).containsExactly("versioned", "repeatable",
                "baseline", "rollback");
        for (MigrationType type : MigrationType.values()) {
            assertThat(MigrationType.fromId(type.id())).isSameAs(type);
        }
    }

    private static <E> Stream<String> ids(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id);
    }

}
