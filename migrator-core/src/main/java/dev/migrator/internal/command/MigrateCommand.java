package dev.migrator.internal.command;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.ExecutedMigration;
import dev.migrator.HistoryEntry;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationType;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorException;
import dev.migrator.Setting;
import dev.migrator.ValidateResult;
import dev.migrator.ValidationFailedException;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.ScriptExecution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.execute.UnchangedScript;
import dev.migrator.internal.history.HistoryTable;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.resolve.ScriptContent;
import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;

/**
 * {@code migrate}: prepare the history table, validate, then apply what is pending, one
 * script at a time.
 */
final class MigrateCommand implements CommandBody<MigrateResult> {

    private static final Logger logger = LoggerFactory.getLogger(MigrateCommand.class);

    /**
     * The biggest script (in characters) whose parsed form is kept from the up-front
     * check to its run.
     */
    static final int KEEP_SCRIPT_CHARS = 1 << 20;

    /**
     * The most characters of parsed scripts kept from the up-front check to their run.
     */
    static final long KEEP_TOTAL_CHARS = 16L << 20;

    @Override
    public MigrateResult run(Session session, FileResolution resolution) throws SQLException {
        long start = System.nanoTime();
        List<HistoryEntry> rows = StatusReader.readHistory(session, resolution);
        List<ResolvedMigration> files = resolution.join();
        if (rows == null) {
            rows = createHistory(session);
        }
        StatusReader.Snapshot snapshot = StatusReader.of(session, files, rows);
        List<ValidateResult.Problem> problems = session.config().isValidateOnMigrate()
                ? Validator.problems(snapshot.status(), session.config()) : blockingProblems(snapshot);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(new ValidateResult(problems));
        }
        List<ResolvedMigration> plan = Plan.pending(snapshot.status(), files, session.config());
        Map<ResolvedMigration, SqlScript> parsedScripts = parseAll(plan);
        MigrationVersion initial = snapshot.status().currentVersion();
        MigrationVersion current = initial;
        List<ExecutedMigration> applied = new ArrayList<>();
        if (!plan.isEmpty()) {
            ScriptExecution execution = new ScriptExecution(session);
            for (ResolvedMigration migration : plan) {
                ExecutedMigration done = execution.run(new ScriptExecution.Target(migration.type(), migration.version(),
                        migration.description(), migration.script(), migration.checksum(), migration.resource(),
                        parsedScripts.get(migration)));
                logger.info("Applied {} {} ({} ms)", label(done), done.description(), done.duration().toMillis());
                applied.add(done);
                if (done.version() != null && (current == null || done.version().isNewerThan(current))) {
                    current = done.version();
                }
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        logSummary(session, initial, current, applied, duration.toMillis());
        return new MigrateResult(initial, current, applied, duration);
    }

    /**
     * Reads and parses every pending script before anything runs, so bad input (or a file
     * changed since it was resolved) is refused first. Scripts up to 1 MB come from the
     * text kept when they were resolved (what was checksummed is what runs); bigger ones
     * are read again and checked to be unchanged. Parsed scripts are kept for the run
     * unless they are big: up to {@link #KEEP_SCRIPT_CHARS} each and
     * {@link #KEEP_TOTAL_CHARS} in all; a bigger script's text is dropped at once
     * (collectable before the next file is read) and read again when it runs.
     */
    private static Map<ResolvedMigration, SqlScript> parseAll(List<ResolvedMigration> plan) {
        Map<ResolvedMigration, SqlScript> kept = new IdentityHashMap<>();
        long keptChars = 0;
        for (ResolvedMigration migration : plan) {
            ScriptContent content = migration.resource().read();
            UnchangedScript.check(migration.resource(), migration.checksum(), content);
            SqlScript parsed = SqlParser.parse(migration.resource().displayName(), content);
            if (content.length() <= KEEP_SCRIPT_CHARS && keptChars + content.length() <= KEEP_TOTAL_CHARS) {
                kept.put(migration, parsed);
                keptChars += content.length();
            }
        }
        return kept;
    }

    private static List<ValidateResult.Problem> blockingProblems(StatusReader.Snapshot snapshot) {
        return snapshot.status().migrations().stream().map(Validator::blocking).filter((p) -> p != null).toList();
    }

    private static String label(ExecutedMigration m) {
        return (m.version() != null) ? "version " + m.versionText() : "repeatable";
    }

    private static void logSummary(Session session, MigrationVersion initial, MigrationVersion current,
            List<ExecutedMigration> applied, long durationMs) {
        String table = session.history().qualifiedName();
        if (applied.isEmpty()) {
            logger.info("Schema {} is up to date at version {}: no migration to apply ({} ms)",
                    session.history().schema(), text(current), durationMs);
        }
        else {
            logger.info("Migrated schema {} from version {} to {}: {} migration{} applied in {} ms (history: {})",
                    session.history().schema(), text(initial), text(current), applied.size(),
                    applied.size() == 1 ? "" : "s", durationMs, table);
        }
    }

    private static String text(MigrationVersion version) {
        return (version != null) ? version.toString() : "<none>";
    }

    /**
     * Creates the history table, which does not exist (baselining when asked), and
     * returns its rows: none, or the baseline row. Nobody else writes to it meanwhile:
     * this run holds the lock.
     */
    private static List<HistoryEntry> createHistory(Session session) throws SQLException {
        HistoryTable history = session.history();
        boolean schemaConfigured = session.config().getSchema() != null;
        if (schemaConfigured && !history.schemaExists(session.connection())) {
            if (!session.config().isCreateSchema()) {
                throw new MigratorException("The schema \"" + history.schema() + "\" does not exist and createSchema "
                        + "is off. Create the schema, or turn createSchema on.", Setting.CREATE_SCHEMA, null);
            }
            logger.info("Creating schema \"{}\"", history.schema());
        }
        int tables = history.create(session.connection(), schemaConfigured && session.config().isCreateSchema());
        logger.info("Created the history table {}", history.qualifiedName());
        if (tables > 0 && session.config().isBaselineOnMigrate()) {
            MigrationVersion version = session.config().getBaselineVersion();
            history.append(session.connection(),
                    new HistoryTable.NewRow(version.toString(), session.config().getBaselineDescription(),
                            MigrationType.BASELINE, session.config().getBaselineDescription(), null, true, 0, null));
            logger.info("Schema \"{}\" had {} table(s) but no history: baselined at version {}", history.schema(),
                    tables, version);
            return history.read(session.connection());
        }
        if (tables > 0) {
            logger.warn("Schema \"{}\" has {} table(s) but had no history table. If this database is already at "
                    + "some version, baseline it (turn baselineOnMigrate on, or run baseline) so its "
                    + "migrations are not applied again.", history.schema(), tables);
        }
        return List.of();
    }

}
