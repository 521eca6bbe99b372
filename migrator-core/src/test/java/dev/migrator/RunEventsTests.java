package dev.migrator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrator.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which commands fire run events: all but the read-only status and history, which health
 * checks poll.
 */
class RunEventsTests {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final Migrations files = new Migrations(db);

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final MigrationListener listener = new MigrationListener() {
        @Override
        public void runStarted(Command command) {
            RunEventsTests.this.events.add("started " + command.id());
        }

        @Override
        public void runFinished(Command command, Duration duration, Throwable failure) {
            RunEventsTests.this.events.add("finished " + command.id());
        }
    };

    @Test
    void statusAndHistoryFireNoRunEvents() {
        this.files.file("1_a.sql", "select 1;");
        Migrator migrator = this.files.config().listener(this.listener).load();
        migrator.status();
        migrator.history("1");
        assertThat(this.events).isEmpty();
    }

    @Test
    void validateAndDryRunFireRunEventsWithTheirCommand() {
        this.files.file("1_a.sql", "select 1;");
        Migrator migrator = this.files.config().listener(this.listener).load();
        migrator.validate();
        migrator.dryRun();
        assertThat(this.events).containsExactly("started validate", "finished validate", "started dry-run",
                "finished dry-run");
    }

}
