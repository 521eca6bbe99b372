package dev.migrator.actuate.endpoint;

import java.util.List;
import java.util.stream.Stream;

import dev.migrator.Command;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.actuate.endpoint.CommandDescriptors.DryRunDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.FailureDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.MigrateDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.RepairDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.RollbackDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.ValidateDescriptor;
import dev.migrator.status.CachedMigrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Runs the commands of {@code POST /actuator/migrations} and turns their results (or errors) into responses. A
 * command that fails answers 500 with the error; an unknown command answers 400 with a body naming the accepted
 * ones.
 */
public class MigrationCommands {

    /** The commands accepted, in the order they are listed to users. */
    public static final List<String> COMMANDS = Stream
        .of(Command.MIGRATE, Command.VALIDATE, Command.DRY_RUN, Command.REPAIR, Command.ROLLBACK)
        .map(Command::id)
        .toList();

    private static final Logger logger = LoggerFactory.getLogger(MigrationCommands.class);

    private final Migrator migrator;

    private final CachedMigrationStatus cache;

    /**
     * Creates the command runner.
     * @param migrator the migrator
     * @param cache the status cache to invalidate after a command, or {@code null}
     */
    public MigrationCommands(Migrator migrator, CachedMigrationStatus cache) {
        this.migrator = migrator;
        this.cache = cache;
    }

    /**
     * Runs a command.
     * @param command the command's name
     * @param target the rollback target, or {@code null}
     * @return the response: 200 with the result, 400 for an unknown command, 500 when the command failed
     */
    public WebEndpointResponse<Object> run(String command, String target) {
        Command parsed = accepted(command);
        if (parsed == null) {
            String message = "Unknown command '" + command + "'; use one of " + String.join(", ", COMMANDS);
            return new WebEndpointResponse<>(new FailureDescriptor(command, "failure", message),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        try {
            return new WebEndpointResponse<>(execute(parsed, target));
        }
        catch (MigratorException ex) {
            logger.error("Command '{}' from the migrations endpoint failed: {}", command, ex.getMessage());
            return new WebEndpointResponse<>(new FailureDescriptor(command, "failure", ex.getMessage()),
                    WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
        }
        finally {
            if (this.cache != null) {
                this.cache.invalidate();
            }
        }
    }

    /** The command named {@code id} when this endpoint runs it, otherwise {@code null}. */
    private static Command accepted(String id) {
        try {
            Command command = Command.fromId(id);
            return COMMANDS.contains(command.id()) ? command : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private Object execute(Command command, String target) {
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
