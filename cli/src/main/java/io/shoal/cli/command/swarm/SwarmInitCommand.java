package io.shoal.cli.command.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shoal.cli.client.Json;
import io.shoal.cli.command.ApiCommand;
import io.shoal.cli.spec.InvalidArgument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoal swarm init [--advertise-addr ADDR] [--task-history-limit N]}: makes the daemon's node the first manager of a new swarm. */
@Command(name = "init", description = "Initialize a swarm.")
public final class SwarmInitCommand extends ApiCommand {
    @Option(names = "--advertise-addr", paramLabel = "ADDR[:PORT]", description = "Address other nodes reach this manager at.")
    String advertiseAddr;

    @Option(names = "--listen-addr", paramLabel = "ADDR:PORT", defaultValue = "0.0.0.0:2377", description = "Cluster listen address (default: ${DEFAULT-VALUE}).")
    String listenAddr;

    @Option(names = "--task-history-limit", paramLabel = "N", defaultValue = "5", description = "Ended tasks kept per slot (default: ${DEFAULT-VALUE}).")
    long taskHistoryLimit;

    @Override
    protected int execute() {
        String id = api().initSwarm(request());
        out().println("Swarm initialized: current node (" + id + ") is now a manager.");
        return 0;
    }

    ObjectNode request() {
        ObjectNode body = Json.F.objectNode().put("ListenAddr", address(listenAddr, "--listen-addr"));
        if (advertiseAddr != null) {
            body.put("AdvertiseAddr", address(advertiseAddr, "--advertise-addr"));
        }
        body.put("ForceNewCluster", false);
        if (taskHistoryLimit < 0) {
            throw new InvalidArgument("invalid --task-history-limit " + taskHistoryLimit + ": expected 0 or more");
        }
        body.putObject("Spec").putObject("Orchestration").put("TaskHistoryRetentionLimit", taskHistoryLimit);
        return body;
    }

    private static String address(String a, String flag) {
        if (a.isBlank() || a.chars().anyMatch(Character::isWhitespace) || a.contains("/")) {
            throw new InvalidArgument("invalid " + flag + " \"" + a + "\": expected an IP address or interface, with an optional :PORT");
        }
        return a;
    }
}
