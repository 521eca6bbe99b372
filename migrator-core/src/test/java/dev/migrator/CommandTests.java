package dev.migrator;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The command vocabulary: wire names and what each command needs. */
class CommandTests {

    @Test
    void everyCommandIsFoundByItsWireName() {
        for (Command command : Command.values()) {
            assertThat(Command.fromId(command.id())).isSameAs(command);
        }
    }

    @Test
    void wireNamesAreKebabCase() {
        assertThat(Command.DRY_RUN.id()).isEqualTo("dry-run");
        assertThat(Command.ids()).allMatch((id) -> id.matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void unknownNameGetsOneErrorListingTheValidOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Command.fromId("dryrun"))
            .withMessage("Unknown command 'dryrun'; use one of migrate, validate, status, dry-run, rollback, "
                    + "baseline, repair, history");
    }

    @Test
    void nullNameIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> Command.fromId(null))
            .withMessageStartingWith("Unknown command 'null'");
    }

    @Test
    void commandsThatChangeTheDatabaseOrRehearseTakeTheLock() {
        assertThat(Arrays.stream(Command.values()).filter(Command::takesLock)).containsExactly(Command.MIGRATE,
                Command.DRY_RUN, Command.ROLLBACK, Command.BASELINE, Command.REPAIR);
    }

    @Test
    void onlyReadOnlyStatusAndHistoryFireNoRunEvents() {
        assertThat(Arrays.stream(Command.values()).filter((c) -> !c.firesRunEvents())).containsExactly(Command.STATUS,
                Command.HISTORY);
    }

    @Test
    void baselineAndHistoryDoNotReadTheFiles() {
        assertThat(Arrays.stream(Command.values()).filter((c) -> !c.needsFileContents()))
            .containsExactly(Command.BASELINE, Command.HISTORY);
        assertThat(Arrays.stream(Command.values()).allMatch(Command::needsDatabase)).isTrue();
    }

    @Test
    void idsAreListedInDeclarationOrder() {
        assertThat(Command.ids()).isEqualTo(
                List.of("migrate", "validate", "status", "dry-run", "rollback", "baseline", "repair", "history"));
    }

}
