package io.shoal.cli.command.node;

import io.shoal.cli.command.ApiCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shoal node demote NODE...}: sets each node's role to worker (a node update of Spec.Role). */
@Command(name = "demote", description = "Demote one or more nodes from manager in the swarm.")
public final class NodeDemoteCommand extends ApiCommand {
    @Parameters(arity = "1..*", paramLabel = "NODE", description = "Node id, id prefix or hostname.")
    List<String> nodes;

    @Override
    protected int execute() {
        NodeRoleChange.apply(api(), out(), nodes, "worker");
        return 0;
    }
}
