package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.ExecutedMigration;
import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorException;
import dev.migrator.RollbackResult;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.ScriptExecution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.resolve.ResolvedMigration;

/**
 * {@code rollback}: runs rollback scripts newest first down to (not including) a target
 * version, after checking that every version to undo can be undone.
 */
final class RollbackCommand implements CommandBody<RollbackResult> {

    private static final Logger logger = LoggerFactory.getLogger(RollbackCommand.class);

    private final MigrationVersion target;

    /**
     * Creates the command.
     * @param target the version to return to, or {@code null} to undo every applied
     * versioned migration
     */
    RollbackCommand(MigrationVersion target) {
        this.target = target;
    }

    @Override
    public RollbackResult run(Session session, FileResolution resolution) throws SQLException {
        StatusReader.Snapshot snapshot = StatusReader.read(session, resolution);
        List<ResolvedMigration> files = snapshot.files();
        List<MigrationInfo> toUndo = snapshot.status()
            .migrations()
            .stream()
            .filter((m) -> m.type() == MigrationType.VERSIONED || m.type() == MigrationType.BASELINE)
            .filter((m) -> this.target == null || m.version().isNewerThan(this.target))
            .filter((m) -> m.state().isApplied())
            .sorted(Comparator.comparing(MigrationInfo::version).reversed())
            .toList();
        Map<MigrationVersion, ResolvedMigration> byVersion = new HashMap<>();
        files.stream().filter(ResolvedMigration::isVersioned).forEach((f) -> byVersion.put(f.version(), f));
        check(toUndo, byVersion, this.target);
        List<ExecutedMigration> done = new ArrayList<>();
        if (!toUndo.isEmpty()) {
            ScriptExecution execution = new ScriptExecution(session);
            for (MigrationInfo m : toUndo) {
                ResolvedMigration file = byVersion.get(m.version());
                ExecutedMigration undone = execution
                    .run(new ScriptExecution.Target(MigrationType.ROLLBACK, file.version(), file.description(),
                            file.rollback().relativePath(), null, file.rollback(), null));
                logger.info("Rolled back version {} {} with {} ({} ms)", undone.versionText(), undone.description(),
                        undone.script(), undone.duration().toMillis());
                done.add(undone);
            }
        }
        MigrationVersion current = snapshot.status()
            .migrations()
            .stream()
            .filter((m) -> m.version() != null && m.state().isApplied())
            .filter((m) -> !toUndo.contains(m))
            .map(MigrationInfo::version)
            .max(Comparator.naturalOrder())
            .orElse(null);
        logger.info("Rolled back {} migration{}; schema {} is now at version {}", done.size(),
                done.size() == 1 ? "" : "s", session.history().schema(), (current != null) ? current : "<none>");
        return new RollbackResult(done, current);
    }

    private static void check(List<MigrationInfo> toUndo, Map<MigrationVersion, ResolvedMigration> files,
            MigrationVersion target) {
        List<String> problems = new ArrayList<>();
        for (MigrationInfo m : toUndo) {
            ResolvedMigration file = files.get(m.version());
            if (m.state() == MigrationState.BASELINE) {
                problems.add("version " + m.versionText() + " is the baseline: the database was not built by "
                        + "migrations below it, so it cannot be rolled back past it");
            }
            else if (file == null) {
                problems.add("version " + m.versionText() + " (" + m.script() + ") is " + m.state().id()
                        + ": this application has no file for it, hence no rollback script");
            }
            else if (file.rollback() == null) {
                problems.add("version " + m.versionText() + " (" + m.script() + ") has no rollback script: add "
                        + "rollback/" + m.versionText() + "_<description>.sql to its location");
            }
        }
        if (!problems.isEmpty()) {
            throw new MigratorException(
                    "Cannot roll back to " + ((target != null) ? "version " + target : "an empty schema")
                            + "; nothing was rolled back:\n  - " + String.join("\n  - ", problems));
        }
    }

}
