package dev.migrator.internal.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrator.InvalidMigrationException;
import dev.migrator.MigrationFile;
import dev.migrator.MigrationFileSet;
import dev.migrator.MigratorConfig;
import dev.migrator.ValidateResult;
import dev.migrator.ValidateResult.Kind;
import dev.migrator.ValidateResult.Problem;
import dev.migrator.internal.resolve.MigrationResolver;
import dev.migrator.internal.resolve.ResolvedMigration;
import dev.migrator.internal.resolve.ScriptResource;
import dev.migrator.internal.sql.SqlParser;

/**
 * The file-only work of {@link dev.migrator.Migrator}: resolves the migrations in the
 * configured locations and checks that every script splits, with no database (no
 * {@code DataSource} needed).
 */
public final class FilesCommand {

    private final MigrationResolver resolver;

    /**
     * Creates the command for checked settings; only the locations and the class loader
     * are used.
     */
    public FilesCommand(MigratorConfig config) {
        this.resolver = new MigrationResolver(config.getLocations(), config.getClassLoader());
    }

    /**
     * The resolved migration files.
     * @throws InvalidMigrationException listing every problem of the files, as
     * {@code migrate} would
     */
    public MigrationFileSet files() {
        return new MigrationFileSet(this.resolver.resolve().stream().map(FilesCommand::file).toList());
    }

    /**
     * Every problem of the files: resolution (names, duplicate versions, rollback
     * pairing, encoding, missing locations) as one problem, otherwise each migration or
     * rollback script that does not split.
     */
    public ValidateResult check() {
        List<ResolvedMigration> migrations;
        try {
            migrations = this.resolver.resolveKeepingTexts((work) -> {
            });
        }
        catch (InvalidMigrationException ex) {
            return new ValidateResult(List.of(invalid(ex)));
        }
        List<Problem> problems = new ArrayList<>();
        for (ResolvedMigration migration : migrations) {
            split(migration.resource(), problems);
            if (migration.rollback() != null) {
                split(migration.rollback(), problems);
            }
        }
        return new ValidateResult(problems);
    }

    private static void split(ScriptResource script, List<Problem> problems) {
        try {
            SqlParser.parse(script.displayName(), script.read());
        }
        catch (InvalidMigrationException ex) {
            problems.add(invalid(ex));
        }
    }

    private static Problem invalid(InvalidMigrationException ex) {
        return new Problem(Kind.INVALID_FILES, ex.getScript(), ex.getMessage());
    }

    private static MigrationFile file(ResolvedMigration m) {
        return new MigrationFile(m.type(), m.version(), m.description(), m.script(), m.resource().locationName(),
                m.checksum(), (m.rollback() != null) ? m.rollback().relativePath() : null);
    }

}
