package dev.migrator.actuate.endpoint;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

import dev.migrator.actuate.endpoint.CommandDescriptors.CommandDescriptor;
import dev.migrator.actuate.endpoint.CommandDescriptors.FailureDescriptor;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link MigrationsEndpoint}:
 * adds the write operation, {@code POST /actuator/migrations}, which runs a command. It
 * exists over HTTP only, where access is controlled
 * ({@code management.endpoint.migrations.access=unrestricted} and the application's
 * security); JMX never sees it. Answers 200 with the command's result (also when
 * {@code validate} or {@code dry-run} report a failure), 400 with the accepted commands
 * for an unknown command, and 500 with the error when the command failed.
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

    private final MigrationCommands commands;

    /**
     * Creates the extension.
     * @param commands runs the commands
     */
    public MigrationsEndpointWebExtension(MigrationCommands commands) {
        this.commands = commands;
    }

    /**
     * Runs a command.
     * @param command {@code migrate}, {@code validate}, {@code dry-run}, {@code repair}
     * or {@code rollback}
     * @param target for {@code rollback}: the version to return to ({@code null} undoes
     * every applied migration)
     * @return the command's result with its status code
     */
    @WriteOperation
    public WebEndpointResponse<CommandDescriptor> run(String command, @Nullable String target) {
        CommandDescriptor result = this.commands.run(command, target);
        return new WebEndpointResponse<>(result, status(command, result));
    }

    private static int status(String command, CommandDescriptor result) {
        if (!MigrationCommands.isKnown(command)) {
            return WebEndpointResponse.STATUS_BAD_REQUEST;
        }
        if (result instanceof FailureDescriptor) {
            return WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
        }
        return WebEndpointResponse.STATUS_OK;
    }

}
