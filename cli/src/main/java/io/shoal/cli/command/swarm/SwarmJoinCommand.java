package io.shoal.cli.command.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.spec.InvalidArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shoal swarm join --token TOKEN HOST:PORT}: the daemon's node joins the swarm managed at HOST:PORT
 * (its cluster port; the daemon talks to the manager's join port, one above). The role is the token's.
 */
@Command(name = "join", description = "Join a swarm as a node and/or manager.")
public final class SwarmJoinCommand extends ApiCommand {
    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "Token for entry into the swarm.")
    String token;

    @Option(names = "--advertise-addr", paramLabel = "ADDR", description = "Address other nodes reach this node at.")
    String advertiseAddr;

    @Option(names = "--listen-addr", paramLabel = "ADDR:PORT", defaultValue = "0.0.0.0:2377", description = "Cluster listen address (default: ${DEFAULT-VALUE}).")
    String listenAddr;

    @Parameters(paramLabel = "HOST:PORT", description = "A manager's cluster address.")
    String manager;

    @Override
    protected int execute() {
        if (!manager.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw new InvalidArgument("invalid manager address \"" + manager + "\": expected HOST:PORT");
        }
        if (!token.startsWith("SWMTKN-")) {
            throw new InvalidArgument("invalid join token \"" + token + "\": expected SWMTKN-1-<CA digest>-<secret>");
        }
        ObjectNode body = Json.F.objectNode().put("ListenAddr", listenAddr);
        if (advertiseAddr != null) {
            body.put("AdvertiseAddr", advertiseAddr);
        }
        body.putArray("RemoteAddrs").add(manager.contains(":") ? manager : manager + ":2377");
        body.put("JoinToken", token);
        api().joinSwarm(body);
        out().println("This node joined a swarm.");
        return 0;
    }
}
