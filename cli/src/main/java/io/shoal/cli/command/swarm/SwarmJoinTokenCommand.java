package io.shoal.cli.command.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.spec.InvalidArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal swarm join-token [--rotate] [-q] worker|manager}: prints the command that joins a node with
 * that role, as {@code docker swarm join-token} does; {@code --rotate} first replaces the role's secret, so
 * the old token stops working.
 */
@Command(name = "join-token", description = "Manage join tokens.")
public final class SwarmJoinTokenCommand extends ApiCommand {
    @Option(names = "--rotate", description = "Rotate the join token.")
    boolean rotate;

    @Option(names = {"-q", "--quiet"}, description = "Only display the token.")
    boolean quiet;

    @Parameters(paramLabel = "(worker|manager)", description = "The role the token joins nodes as.")
    String role;

    @Override
    protected int execute() {
        if (!role.equals("worker") && !role.equals("manager")) {
            throw new InvalidArgument("unknown role " + role);
        }
        boolean worker = role.equals("worker");
        if (rotate) {
            JsonNode sw = api().swarm();
            api().updateSwarm(sw.path("Version").path("Index").asLong(), worker, !worker, sw.path("Spec"));
            if (!quiet) {
                out().println("Successfully rotated " + role + " join token.");
                out().println();
            }
        }
        String token = Json.text(api().swarm(), "JoinTokens", worker ? "Worker" : "Manager");
        if (quiet) {
            out().println(token);
            return 0;
        }
        JsonNode info = api().info();
        String addr = managerAddress(info);
        out().println("To add a " + role + " to this swarm, run the following command:");
        out().println();
        out().println("    shoal swarm join --token " + token + " " + addr);
        out().println();
        return 0;
    }

    /** This manager's cluster address, as {@code docker} finds it: its entry in RemoteManagers, else NodeAddr:2377. */
    static String managerAddress(JsonNode info) {
        JsonNode swarm = info.path("Swarm");
        String self = swarm.path("NodeID").asText();
        for (JsonNode m : swarm.path("RemoteManagers")) {
            if (m.path("NodeID").asText().equals(self)) {
                return m.path("Addr").asText();
            }
        }
        return swarm.path("NodeAddr").asText() + ":2377";
    }
}
