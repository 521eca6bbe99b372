package dev.migrator.internal.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.DryRunResult;
import dev.migrator.DryRunResult.Outcome;
import dev.migrator.DryRunResult.Rehearsal;
import dev.migrator.MigrationVersion;
import dev.migrator.MigratorException;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.ScriptExecution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.execute.SessionSettings;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.sql.SqlParser;
import dev.migrator.internal.sql.SqlScript;

/**
 * {@code dry-run}: executes every pending transactional migration inside one transaction
 * and rolls it back. The history table is not touched; non-transactional migrations are
 * listed as not rehearsable.
 */
final class DryRunCommand implements CommandBody<DryRunResult> {

    private static final Logger logger = LoggerFactory.getLogger(DryRunCommand.class);

    @Override
    public DryRunResult run(Session session, FileResolution resolution) throws SQLException {
        StatusReader.Snapshot snapshot = StatusReader.read(session, resolution);
        List<ResolvedMigration> plan = Plan.pending(snapshot.status(), snapshot.files(), session.config());
        List<Rehearsal> rehearsals = new ArrayList<>();
        if (plan.isEmpty()) {
            return new DryRunResult(rehearsals);
        }
        Connection connection = session.connection();
        SessionSettings settings = SessionSettings.capture(connection);
        connection.setAutoCommit(false);
        try {
            ScriptExecution.applyTimeouts(connection, session.config(), true);
            boolean failed = false;
            for (ResolvedMigration m : plan) {
                MigrationVersion version = m.version();
                if (failed) {
                    rehearsals.add(new Rehearsal(version, m.description(), m.script(), Outcome.NOT_REACHED, null,
                            Duration.ZERO));
                    continue;
                }
                session.run().check();
                long start = System.nanoTime();
                try {
                    SqlScript parsed = SqlParser.parse(m.resource().displayName(), m.resource().read());
                    if (!parsed.transactional()) {
                        rehearsals.add(new Rehearsal(version, m.description(), m.script(), Outcome.NOT_REHEARSABLE,
                                "runs outside a transaction, so it cannot be rehearsed and rolled back",
                                Duration.ZERO));
                        continue;
                    }
                    session.executor().execute(connection, parsed);
                    rehearsals.add(
                            new Rehearsal(version, m.description(), m.script(), Outcome.SUCCESS, null, elapsed(start)));
                }
                catch (MigratorException ex) {
                    if (session.run().isCancelled()) {
                        throw ex; // not a finding of the rehearsal: the run ends as
                                  // cancelled
                    }
                    failed = true;
                    rehearsals.add(new Rehearsal(version, m.description(), m.script(), Outcome.FAILURE, ex.getMessage(),
                            elapsed(start)));
                }
            }
        }
        finally {
            connection.rollback();
            connection.setAutoCommit(true);
            settings.restore(connection);
        }
        logger.info("Dry run of {} pending migration(s): {}", plan.size(),
                rehearsals.stream().map((r) -> r.script() + " " + r.outcome().id()).toList());
        return new DryRunResult(rehearsals);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

}
