package io.shoal.cli.command.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal service rollback SERVICE}: the daemon swaps the service back to its previous spec. As the docker
 * CLI does, the current spec and version go with the request, so a concurrent change is refused, not undone.
 */
@Command(name = "rollback", description = "Revert changes to a service's configuration.")
public final class ServiceRollbackCommand extends ApiCommand {
    @Option(names = {"-d", "--detach"}, description = "Accepted for docker compatibility: shoal never waits for the service to converge.")
    boolean detach;

    @Parameters(paramLabel = "SERVICE", description = "Service name, id or id prefix.")
    String service;

    @Override
    protected int execute() {
        JsonNode current = api().service(service);
        printWarnings(api().rollbackService(Json.text(current, "ID"), current.path("Version").path("Index").asLong(), current.path("Spec")));
        out().println(service);
        return 0;
    }
}
