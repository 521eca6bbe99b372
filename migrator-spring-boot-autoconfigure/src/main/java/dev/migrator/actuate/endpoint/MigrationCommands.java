package dev.migrator.actuate.endpoint;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrator.Command;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.actuate.endpoint.CommandDescriptors.CommandDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.DryRunDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.FailureDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.MigrateDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.RepairDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.RollbackDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.ValidateDescriptor;
import dev.migrator.autoconfigure.CachedMigrationStatus;

/**
 * Runs the commands the {@code migrations} endpoint accepts and turns their results (or
 * errors) into {@link CommandDescriptor}s. Knows nothing of HTTP:
 * {@link MigrationsEndpointWebExtension} maps the descriptors to status codes.
 */
public class MigrationCommands {

    /** The commands accepted, in the order they are listed to users. */
    public static final List<String> COMMANDS = Stream
        .of(Command.MIGRATE, Command.VALIDATE, Command.DRY_RUN, Command.REPAIR, Command.ROLLBACK)
        .map(Command::id)
        .toList();

    private static final String FAILURE = "failure";

    private static final Logger logger = LoggerFactory.getLogger(MigrationCommands.class);

    private final Migrator migrator;

    private final @Nullable CachedMigrationStatus cache;

    /**
     * Creates the command runner.
     * @param migrator the migrator
     * @param cache the status cache to invalidate after a command, or {@code null}
     */
    public MigrationCommands(Migrator migrator, @Nullable CachedMigrationStatus cache) {
        this.migrator = migrator;
        this.cache = cache;
    }

    /**
     * Whether a command is one of {@link #COMMANDS}.
     * @param command the command's name, or {@code null}
     * @return {@code true} when {@link #run} runs it
     */
    public static boolean isKnown(@Nullable String command) {
        return accepted(command) != null;
    }

    /**
     * Runs a command.
     * @param command the command's name
     * @param target the rollback target, or {@code null}
     * @return the command's result; a {@link FailureDescriptor} when the command is
     * unknown (its error lists the accepted ones) or ended with an error (its message
     * names file, cause and fix)
     */
    public CommandDescriptor run(@Nullable String command, @Nullable String target) {
        Command parsed = accepted(command);
        if (parsed == null) {
            return new FailureDescriptor(command, FAILURE,
                    "Unknown command '" + command + "'; use one of " + String.join(", ", COMMANDS));
        }
        try {
            return execute(parsed, target);
        }
        catch (MigratorException ex) {
            logger.error("Command '{}' from the migrations endpoint failed: {}", command, ex.getMessage());
            return new FailureDescriptor(command, FAILURE, ex.getMessage());
        }
        finally {
            if (this.cache != null) {
                this.cache.invalidate();
            }
        }
    }

    /**
     * The command named {@code id} when this endpoint runs it, otherwise {@code null}.
     */
    private static @Nullable Command accepted(@Nullable String id) {
        if (id == null) {
            return null;
        }
        try {
            Command command = Command.fromId(id);
            return COMMANDS.contains(command.id()) ? command : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private CommandDescriptor execute(Command command, @Nullable String target) {
        return switch (command) {
            case MIGRATE -> MigrateDescriptor.of(this.migrator.migrate());
            case VALIDATE -> ValidateDescriptor.of(this.migrator.validate());
            case DRY_RUN -> DryRunDescriptor.of(this.migrator.dryRun());
            case REPAIR -> RepairDescriptor.of(this.migrator.repair());
            case ROLLBACK -> RollbackDescriptor.of(this.migrator.rollback(target));
            default -> throw new IllegalStateException("Unhandled command " + command.id());
        };
    }

}
