package dev.migrator.internal.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.MigrationInfo;
import dev.migrator.MigrationState;
import dev.migrator.MigrationStatus;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorConfig;
import dev.migrator.internal.resolve.ResolvedMigration;

/**
 * What {@code migrate} would run, in order: pending (and transactionally failed)
 * versioned migrations by version, then new, changed and failed repeatable ones.
 */
final class Plan {

    private static final Logger logger = LoggerFactory.getLogger(Plan.class);

    private Plan() {
    }

    static List<ResolvedMigration> pending(MigrationStatus status, List<ResolvedMigration> files,
            MigratorConfig config) {
        Map<MigrationVersion, ResolvedMigration> versioned = new HashMap<>();
        Map<String, ResolvedMigration> repeatable = new HashMap<>();
        for (ResolvedMigration file : files) {
            if (file.isVersioned()) {
                versioned.put(file.version(), file);
            }
            else {
                repeatable.put(file.description(), file);
            }
        }
        List<ResolvedMigration> plan = new ArrayList<>();
        List<ResolvedMigration> repeatables = new ArrayList<>();
        for (MigrationInfo m : status.migrations()) {
            boolean due = m.state().isPending()
                    || (m.state() == MigrationState.FAILED && Validator.partialFailure(m) == null);
            if (!due) {
                continue;
            }
            if (m.type() == MigrationType.REPEATABLE) {
                ResolvedMigration file = repeatable.get(m.description());
                if (file != null) {
                    repeatables.add(file);
                }
                continue;
            }
            ResolvedMigration file = versioned.get(m.version());
            if (file == null) {
                continue;
            }
            if (!config.isOutOfOrder() && status.currentVersion() != null
                    && status.currentVersion().isNewerThan(m.version())) {
                logger.warn("Skipping {} (version {}): it is below the current version {} and outOfOrder is off",
                        m.script(), m.versionText(), status.currentVersionText());
                continue;
            }
            plan.add(file);
        }
        plan.addAll(repeatables);
        return plan;
    }

}
