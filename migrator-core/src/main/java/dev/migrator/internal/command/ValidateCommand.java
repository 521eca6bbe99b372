package dev.migrator.internal.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrator.InvalidMigrationException;
import dev.migrator.ValidateResult;
import dev.migrator.ValidateResult.Kind;
import dev.migrator.ValidateResult.Problem;
import dev.migrator.internal.execute.FileResolution;
import dev.migrator.internal.execute.Session;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.sql.SqlParser;

/**
 * {@code validate}: every problem that would stop {@code migrate}, in one result: invalid
 * files, scripts that cannot be split, edited or missing applied migrations, out-of-order
 * pending ones, and partly applied failures.
 */
final class ValidateCommand implements CommandBody<ValidateResult> {

    @Override
    public ValidateResult run(Session session, FileResolution resolution) throws SQLException {
        StatusReader.Snapshot snapshot;
        try {
            snapshot = StatusReader.read(session, resolution);
        }
        catch (InvalidMigrationException ex) {
            if (ex != resolution.failure()) {
                throw ex; // not a file problem of the resolution
            }
            return new ValidateResult(List.of(invalid(ex)));
        }
        List<ResolvedMigration> files = snapshot.files();
        List<Problem> problems = new ArrayList<>(Validator.problems(snapshot.status(), session.config()));
        for (ResolvedMigration pending : Plan.pending(snapshot.status(), files, session.config())) {
            try {
                SqlParser.parse(pending.resource().displayName(), pending.resource().read());
            }
            catch (InvalidMigrationException ex) {
                problems.add(invalid(ex));
            }
        }
        return new ValidateResult(problems);
    }

    private static Problem invalid(InvalidMigrationException ex) {
        return new Problem(Kind.INVALID_FILES, ex.getScript(), ex.getMessage());
    }

}
