package dev.migrator;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationStateTests {

    @Test
    void appliedStatesAreTheOnesInTheDatabaseWithNothingToRun() {
        assertThat(EnumSet.allOf(MigrationState.class)).filteredOn(MigrationState::isApplied)
            .containsExactlyInAnyOrder(MigrationState.APPLIED, MigrationState.BASELINE, MigrationState.FUTURE,
                    MigrationState.CHANGED, MigrationState.MISSING);
    }

    @Test
    void pendingStatesAreTheOnesMigrateRuns() {
        assertThat(EnumSet.allOf(MigrationState.class)).filteredOn(MigrationState::isPending)
            .containsExactlyInAnyOrder(MigrationState.PENDING, MigrationState.OUTDATED);
    }

    @Test
    void everyStateButBelowBaselineAndUnrecognizedIsInExactlyOneOfAppliedPendingAndFailed() {
        for (MigrationState state : MigrationState.values()) {
            int groups = (state.isApplied() ? 1 : 0) + (state.isPending() ? 1 : 0)
                    + ((state == MigrationState.FAILED) ? 1 : 0);
            assertThat(groups).as(state.id())
                .isEqualTo((state == MigrationState.BELOW_BASELINE || state == MigrationState.UNRECOGNIZED) ? 0 : 1);
        }
    }

    @Test
    void statusCountsEveryStateAsTheStateDefinesIt() {
        for (MigrationState state : MigrationState.values()) {
            MigrationStatus status = new MigrationStatus("public", "schema_migrations", null, List.of(info(state)));
            assertThat(status.appliedCount()).as(state.id()).isEqualTo(state.isApplied() ? 1 : 0);
            assertThat(status.pendingCount()).as(state.id()).isEqualTo(state.isPending() ? 1 : 0);
        }
    }

    private static MigrationInfo info(MigrationState state) {
        return new MigrationInfo(null, "v", MigrationType.REPEATABLE, "R__v.sql", "c", state, null, null, null, null,
                null, null);
    }

}
