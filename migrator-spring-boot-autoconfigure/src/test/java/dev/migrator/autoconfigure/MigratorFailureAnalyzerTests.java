package dev.migrator.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrator.Command;
import dev.migrator.InvalidMigrationException;
import dev.migrator.LockWaitTimeoutException;
import dev.migrator.MigrationCancelledException;
import dev.migrator.MigrationFailedException;
import dev.migrator.MigratorException;
import dev.migrator.Setting;
import dev.migrator.ValidateResult;
import dev.migrator.ValidationFailedException;
import dev.migrator.internal.failure.MigrationFailure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MigratorFailureAnalyzer} says for each kind of migrator failure.
 */
class MigratorFailureAnalyzerTests {

    private final MigratorFailureAnalyzer analyzer = new MigratorFailureAnalyzer();

    private FailureAnalysis analyze(Throwable cause) {
        return this.analyzer.analyze(new BeanCreationException("migratorInitializer", "Init failed", cause));
    }

    @Test
    void migrationFailureIsDescribedByTheExceptionsOwnBlock() {
        MigrationFailedException failure = MigrationFailure.builder("db/migration/003_add_index.sql")
            .statement(2, 4, 12)
            .errorLine(13)
            .serverError("42P07", "relation \"users_email_idx\" already exists")
            .excerpt("CREATE INDEX users_email_idx ON users (email)")
            .build();
        FailureAnalysis analysis = analyze(failure);
        assertThat(analysis.getDescription()).endsWith(failure.getMessage())
            .contains("Statement : 2 of 4, starting at line 12 (error position: line 13)")
            .contains("SQLSTATE  : 42P07");
        assertThat(analysis.getAction())
            .isEqualTo("Fix db/migration/003_add_index.sql, then start the application " + "again.");
        assertThat(analysis.getCause()).isSameAs(failure);
    }

    @Test
    void nonTransactionalFailureSaysWhatWasAppliedAndToRepair() {
        MigrationFailedException failure = MigrationFailure.builder("db/migration/004_concurrently.sql")
            .statement(2, 3, 5)
            .serverError("57014", "canceling statement due to statement timeout")
            .transactional(false)
            .statementsExecuted(1)
            .build();
        FailureAnalysis analysis = analyze(failure);
        assertThat(analysis.getDescription()).contains("1 of 3 statements were applied");
        assertThat(analysis.getAction()).contains("repair").doesNotContain("Statement");
    }

    @Test
    void failureAboutASettingNamesItsProperty() {
        FailureAnalysis analysis = analyze(new MigratorException(
                "The schema \"app\" does not exist and " + "createSchema is off.", Setting.CREATE_SCHEMA, null));
        assertThat(analysis.getDescription()).contains("createSchema is off");
        assertThat(analysis.getAction()).contains("migrator.create-schema");
    }

    @Test
    void cancelledMigrationSaysToStartAgain() {
        FailureAnalysis analysis = analyze(new MigrationCancelledException(Command.MIGRATE,
                "The migrate command was cancelled (Migrator.cancel())", null));
        assertThat(analysis.getDescription()).contains("cancelled");
        assertThat(analysis.getAction()).contains("Start the application again");
    }

    @Test
    void validationFailureListsProblems() {
        ValidateResult result = new ValidateResult(List.of(new ValidateResult.Problem(ValidateResult.Kind.CHANGED,
                "001_init.sql", "Migration 001_init.sql was changed after it was applied")));
        FailureAnalysis analysis = analyze(new ValidationFailedException(result));
        assertThat(analysis.getDescription()).contains("validation failed")
            .contains("Migration 001_init.sql was changed after it was applied");
        assertThat(analysis.getAction()).contains("repair");
    }

    @Test
    void validationFailureAboutAMissingFileNamesTheIgnoreMissingProperty() {
        ValidateResult result = new ValidateResult(List.of(new ValidateResult.Problem(ValidateResult.Kind.MISSING,
                "001_init.sql", "001_init.sql is recorded as applied but its file is gone. Restore the file, or "
                        + "turn ignoreMissing on if it was removed on purpose.")));
        FailureAnalysis analysis = analyze(new ValidationFailedException(result));
        assertThat(analysis.getAction()).contains("'ignoreMissing' is set by migrator.ignore-missing")
            .doesNotContain("out-of-order");
    }

    @Test
    void invalidMigrationNamesFileAndLine() {
        FailureAnalysis analysis = analyze(new InvalidMigrationException("db/migration/005_bad.sql", 7,
                "005_bad.sql line 7: unterminated quote; close it"));
        assertThat(analysis.getDescription()).contains("Script : db/migration/005_bad.sql")
            .contains("Line   : 7")
            .contains("unterminated quote");
    }

    @Test
    void lockWaitTimeoutSaysWhoHoldsTheLock() {
        FailureAnalysis analysis = analyze(new LockWaitTimeoutException("Lock held by pid 4242 (app-2)"));
        assertThat(analysis.getDescription()).contains("pid 4242");
        assertThat(analysis.getAction()).contains("migrator.lock-wait-timeout");
    }

    @Test
    void otherFailuresAreNotAnalyzed() {
        assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }

}
