package dev.migrator.actuate.endpoint;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import dev.migrator.DryRunResult;
import dev.migrator.ExecutedMigration;
import dev.migrator.MigrateResult;
import dev.migrator.MigrationVersion;
import dev.migrator.RepairResult;
import dev.migrator.RollbackResult;
import dev.migrator.ValidateResult;

/**
 * What {@code POST /actuator/migrations} returns: one immutable record per command, each
 * a {@link CommandDescriptor} with {@code command} and {@code outcome} ({@code success}
 * or {@code failure}).
 */
public final class CommandDescriptors {

    private CommandDescriptors() {
    }

    private static String text(MigrationVersion version) {
        return (version != null) ? version.toString() : null;
    }

    private static List<ExecutedDescriptor> executed(List<ExecutedMigration> migrations) {
        return migrations.stream().map(ExecutedDescriptor::of).toList();
    }

    /**
     * The result of one command, whichever it was.
     */
    public sealed interface CommandDescriptor extends OperationResponseBody {

        /**
         * The command's name.
         * @return {@code migrate}, {@code validate}, {@code dry-run}, {@code repair},
         * {@code rollback}, or the unknown name a {@link FailureDescriptor} answers
         */
        String command();

        /**
         * How the command ended.
         * @return {@code success} or {@code failure}
         */
        String outcome();

    }

    /**
     * A script a command ran.
     *
     * @param version its version, {@code null} for a repeatable migration
     * @param description its description
     * @param type {@code versioned}, {@code repeatable} or {@code rollback}
     * @param script the script
     * @param durationMs how long it took
     */
    @JsonInclude(Include.ALWAYS)
    public record ExecutedDescriptor(String version, String description, String type, String script, long durationMs) {

        static ExecutedDescriptor of(ExecutedMigration m) {
            return new ExecutedDescriptor(m.versionText(), m.description(), m.type().id(), m.script(),
                    m.duration().toMillis());
        }

    }

    /**
     * Result of {@code migrate}.
     *
     * @param command {@code migrate}
     * @param outcome {@code success}
     * @param initialVersion the version before the run
     * @param currentVersion the version after the run
     * @param applied what was applied, in order
     * @param durationMs how long the run took
     */
    @JsonInclude(Include.ALWAYS)
    public record MigrateDescriptor(String command, String outcome, String initialVersion, String currentVersion,
            List<ExecutedDescriptor> applied, long durationMs) implements CommandDescriptor {

        /** Copies the list, so the record stays immutable. */
        public MigrateDescriptor {
            applied = List.copyOf(applied);
        }

        static MigrateDescriptor of(MigrateResult r) {
            return new MigrateDescriptor("migrate", "success", text(r.initialVersion()), text(r.currentVersion()),
                    executed(r.applied()), r.duration().toMillis());
        }

    }

    /**
     * Result of {@code validate}.
     *
     * @param command {@code validate}
     * @param outcome {@code success} when valid, otherwise {@code failure}
     * @param problems every problem found
     */
    @JsonInclude(Include.ALWAYS)
    public record ValidateDescriptor(String command, String outcome,
            List<ProblemDescriptor> problems) implements CommandDescriptor {

        /** Copies the list, so the record stays immutable. */
        public ValidateDescriptor {
            problems = List.copyOf(problems);
        }

        static ValidateDescriptor of(ValidateResult r) {
            return new ValidateDescriptor("validate", r.isValid() ? "success" : "failure",
                    r.problems()
                        .stream()
                        .map((p) -> new ProblemDescriptor(p.kind().id(), p.script(), p.message()))
                        .toList());
        }

    }

    /**
     * One validation problem.
     *
     * @param kind the kind of problem, in kebab-case (e.g. {@code out-of-order})
     * @param script the file it concerns, or {@code null}
     * @param message the message naming the file, cause and fix
     */
    @JsonInclude(Include.ALWAYS)
    public record ProblemDescriptor(String kind, String script, String message) {
    }

    /**
     * Result of {@code dry-run}.
     *
     * @param command {@code dry-run}
     * @param outcome {@code success} when every rehearsal succeeded, otherwise
     * {@code failure}
     * @param migrations one entry per pending migration
     */
    @JsonInclude(Include.ALWAYS)
    public record DryRunDescriptor(String command, String outcome,
            List<RehearsalDescriptor> migrations) implements CommandDescriptor {

        /** Copies the list, so the record stays immutable. */
        public DryRunDescriptor {
            migrations = List.copyOf(migrations);
        }

        static DryRunDescriptor of(DryRunResult r) {
            return new DryRunDescriptor("dry-run", r.isSuccess() ? "success" : "failure",
                    r.migrations()
                        .stream()
                        .map((m) -> new RehearsalDescriptor(m.versionText(), m.description(), m.script(),
                                m.outcome().id(), m.error(), m.duration().toMillis()))
                        .toList());
        }

    }

    /**
     * One rehearsal.
     *
     * @param version the version, {@code null} for a repeatable migration
     * @param description the description
     * @param script the script
     * @param outcome {@code success}, {@code failure}, {@code not-rehearsable} or
     * {@code not-reached}
     * @param error the error, or {@code null}
     * @param durationMs how long it ran
     */
    @JsonInclude(Include.ALWAYS)
    public record RehearsalDescriptor(String version, String description, String script, String outcome, String error,
            long durationMs) {
    }

    /**
     * Result of {@code repair}.
     *
     * @param command {@code repair}
     * @param outcome {@code success}
     * @param acceptedChecksums scripts whose current checksum is now accepted
     * @param clearedFailures scripts whose failure was cleared
     */
    @JsonInclude(Include.ALWAYS)
    public record RepairDescriptor(String command, String outcome, List<String> acceptedChecksums,
            List<String> clearedFailures) implements CommandDescriptor {

        /** Copies the lists, so the record stays immutable. */
        public RepairDescriptor {
            acceptedChecksums = List.copyOf(acceptedChecksums);
            clearedFailures = List.copyOf(clearedFailures);
        }

        static RepairDescriptor of(RepairResult r) {
            return new RepairDescriptor("repair", "success", r.acceptedChecksums(), r.clearedFailures());
        }

    }

    /**
     * Result of {@code rollback}.
     *
     * @param command {@code rollback}
     * @param outcome {@code success}
     * @param rolledBack the rollback scripts that ran, newest first
     * @param currentVersion the version after the rollback
     */
    @JsonInclude(Include.ALWAYS)
    public record RollbackDescriptor(String command, String outcome, List<ExecutedDescriptor> rolledBack,
            String currentVersion) implements CommandDescriptor {

        /** Copies the list, so the record stays immutable. */
        public RollbackDescriptor {
            rolledBack = List.copyOf(rolledBack);
        }

        static RollbackDescriptor of(RollbackResult r) {
            return new RollbackDescriptor("rollback", "success", executed(r.rolledBack()), text(r.currentVersion()));
        }

    }

    /**
     * A command that ended with an error.
     *
     * @param command the command
     * @param outcome {@code failure}
     * @param error the error's message (file, line, cause and fix)
     */
    @JsonInclude(Include.ALWAYS)
    public record FailureDescriptor(String command, String outcome, String error) implements CommandDescriptor {
    }

}
