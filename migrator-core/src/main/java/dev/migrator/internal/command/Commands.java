package dev.migrator.internal.command;

import java.util.List;

import dev.migrator.DryRunResult;
import dev.migrator.HistoryEntry;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationStatus;
import dev.migrator.MigratorConfig;
import dev.migrator.RepairResult;
import dev.migrator.RollbackResult;
import dev.migrator.ValidateResult;

/**
 * Runs the commands of {@link dev.migrator.Migrator}.
 */
public final class Commands {

    private final MigratorConfig config;

    public Commands(MigratorConfig config) {
        this.config = config;
    }

    public MigrateResult migrate() {
        throw new IllegalStateException("being written " + config);
    }

    public MigrationStatus status() {
        throw new IllegalStateException("being written");
    }

    public ValidateResult validate() {
        throw new IllegalStateException("being written");
    }

    public RollbackResult rollback(String target) {
        throw new IllegalStateException("being written");
    }

    public void baseline(String version, String description) {
        throw new IllegalStateException("being written");
    }

    public RepairResult repair() {
        throw new IllegalStateException("being written");
    }

    public DryRunResult dryRun() {
        throw new IllegalStateException("being written");
    }

    public List<HistoryEntry> history(String version) {
        throw new IllegalStateException("being written");
    }
}
